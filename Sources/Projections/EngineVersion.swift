/// The version of the strategy engine (the package), reported by `strategyctl --version` and recorded by tools
/// that embed it.
public enum EngineVersion {
    /// The engine's semantic version.
    public static let current = "0.1.0"
}
