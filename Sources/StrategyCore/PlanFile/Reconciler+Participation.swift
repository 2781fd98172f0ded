// Reconciler: the commands for the education actors, the participation formats and their contributions.

extension Reconciler {
    /// Actors registered or revised.
    static func actorCommands(_ d: PlanDocument, _ state: PlanState, into commands: inout [PlanCommand]) {
        for actor in d.actors {
            commands.append(state.actors[actor.id] == nil
                ? .registerActor(ActorRegistered(actor: actor.id, name: actor.name, sector: actor.sector))
                : .reviseActor(ActorRevised(actor: actor.id, name: actor.name, sector: actor.sector)))
        }
    }

    /// Participation formats held or revised, and their new contributions received.
    static func participationCommands(_ d: PlanDocument, _ state: PlanState, into commands: inout [PlanCommand]) {
        for format in d.participation {
            commands.append(state.participation[format.id] == nil
                ? .holdParticipation(ParticipationHeld(format: format.id, kind: format.kind, title: format.title, date: format.date, participants: format.participants))
                : .reviseParticipation(ParticipationRevised(
                    format: format.id, kind: format.kind, title: format.title, date: format.date,
                    participants: Clearable.change(from: state.participation[format.id]?.participants, to: format.participants))))
        }
        for contribution in d.contributions where state.contributions[contribution.id] == nil {
            commands.append(.receiveContribution(ContributionReceived(contribution: contribution.id, format: contribution.format, summary: contribution.summary)))
        }
    }

    /// Contributions disposed of as the file states.
    static func dispositionCommands(_ d: PlanDocument, _ state: PlanState, into commands: inout [PlanCommand]) {
        for contribution in d.contributions {
            let current = state.contributions[contribution.id]
            if current?.disposition != contribution.disposition || current?.linkedTo != contribution.linkedTo || current?.note != contribution.note,
               !(current == nil && contribution.disposition == .pending && contribution.linkedTo.isEmpty && contribution.note == nil) {
                commands.append(.disposeContribution(ContributionDisposed(
                    contribution: contribution.id, disposition: contribution.disposition, linkedTo: contribution.linkedTo, note: contribution.note)))
            }
        }
    }

    /// Actors the file no longer lists, removed.
    static func actorRemovals(_ d: PlanDocument, _ state: PlanState, into commands: inout [PlanCommand]) {
        let wantedActors = Set(d.actors.map(\.id))
        for actor in PlanState.ordered(state.actors) where !wantedActors.contains(actor.id) {
            commands.append(.removeActor(actor.id))
        }
    }
}
