// The ids new observations get when whoever records them names none: one policy for every caller.

extension PlanState {
    /// The id for a new observation of `indicator` in `period` and `region` when the caller names none:
    /// `obs-<indicator>-<period>-<region>` in lowercase ASCII letters, digits and dashes (at most 56 characters),
    /// with `-2`, `-3`… appended while the plan already uses it.
    ///
    /// - Complexity: O(*k*) lookups for the *k*-th observation of the same indicator, period and region.
    public func newObservationID(indicator: Identifier, period: String, region: String) -> Identifier {
        let slug = (period + "-" + region).lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined()
        var base = Substring("obs-\(indicator.rawValue)-\(slug)".prefix(56))
        while base.last == "-" { base = base.dropLast() }
        return unused(String(base), suffix: "-")
    }

    /// The id for the observation that corrects `observation` when the caller names none: `<id>-k`, then `<id>-k2`,
    /// `<id>-k3`… while the plan already uses it.
    public func correctionID(for observation: Identifier) -> Identifier {
        // Room for "-k" and a counter of up to six digits within an id's length.
        unused(String(observation.rawValue.prefix(Identifier.maximumLength - 8)) + "-k", suffix: "")
    }

    /// `base`, or `base` + `suffix` + 2, 3… — the first the plan does not use. `base` is made of an id and of
    /// lowercase ASCII letters, digits and dashes, so every candidate is a valid id.
    private func unused(_ base: String, suffix: String) -> Identifier {
        var candidate = Identifier(unchecked: base), counter = 2
        while kind(of: candidate) != nil {
            candidate = Identifier(unchecked: "\(base)\(suffix)\(counter)")
            counter += 1
        }
        return candidate
    }
}
