// Reconciler: the commands for the bodies and the resolutions they recorded.

extension Reconciler {
    /// Bodies established or revised.
    static func bodyCommands(_ d: PlanDocument, _ state: PlanState, into commands: inout [PlanCommand]) {
        for body in d.bodies {
            if state.bodies[body.id] == nil {
                commands.append(.establishBody(BodyEstablished(body: body.id, name: body.name, kind: body.kind, mandate: body.mandate.sorted())))
            } else {
                commands.append(.reviseBody(BodyRevised(body: body.id, name: body.name, kind: body.kind, mandate: body.mandate.sorted())))
            }
        }
    }

    /// Resolutions recorded (added, never removed).
    static func resolutionCommands(_ d: PlanDocument, into commands: inout [PlanCommand]) {
        for resolution in d.resolutions { commands += resolution.recordCommands }
    }

    /// Bodies the file states as dissolved, or no longer lists, dissolved.
    static func bodyDissolutions(_ d: PlanDocument, _ state: PlanState, reason: String?, into commands: inout [PlanCommand]) {
        let documentBodies = Set(d.bodies.map(\.id))
        for body in d.bodies where body.dissolved { commands.append(.dissolveBody(body.id, reason: nil, on: body.dissolvedOn)) }
        for body in PlanState.ordered(state.bodies) where !documentBodies.contains(body.id) && !body.dissolved {
            commands.append(.dissolveBody(body.id, reason: reason))
        }
    }
}

extension Resolution {
    /// The commands that record this paper as a file states it: each deliberation in the file's order. The decider
    /// records the paper with the first and adds each further one; deliberations already on record are no news.
    var recordCommands: [PlanCommand] {
        deliberations.map { deliberation in
            .recordResolution(ResolutionRecorded(
                number: number, body: deliberation.body, date: deliberation.date, subject: subject, result: deliberation.result,
                votes: deliberation.votes, kind: deliberation.kind))
        }
    }
}
