/// The version of the strategy engine (the package), reported by `strategyctl --version`.
public enum EngineVersion {
    /// The engine's semantic version.
    public static let current = "0.2.0"
}
