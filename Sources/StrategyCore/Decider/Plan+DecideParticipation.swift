// Decides the commands on participation: formats, contributions, and the actors participation reaches.
//
// Actors (register, revise, remove) are here because their events are in ParticipationEvents.swift.

extension Plan {
    static func holdParticipation(_ e: ParticipationHeld, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.format)
        try rules.label(e.title, "participation '\(e.format)'.title")
        if let participants = e.participants, participants < 0 {
            throw .invalidValue(field: "participation '\(e.format)'.participants", reason: Wording(de: "darf nicht negativ sein", en: "must not be negative"))
        }
        return [.participationHeld(e)]
    }

    static func reviseParticipation(_ e: ParticipationRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard let format = rules.state.participation[e.format] else {
            throw .unknownEntity(kind: .participation, id: e.format.rawValue, role: "participation")
        }
        var change = ParticipationRevised(format: e.format)
        if let kind = e.kind, kind != format.kind { change.kind = kind }
        if let title = e.title, title != format.title { try rules.label(title, "participation '\(e.format)'.title"); change.title = title }
        if let date = e.date, date != format.date { change.date = date }
        if let participants = e.participants, participants.value != format.participants {
            if let count = participants.value, count < 0 {
                throw .invalidValue(field: "participation '\(e.format)'.participants", reason: Wording(de: "darf nicht negativ sein", en: "must not be negative"))
            }
            change.participants = participants
        }
        guard change != ParticipationRevised(format: e.format) else { return [] }
        return [.participationRevised(change)]
    }

    static func receiveContribution(_ e: ContributionReceived, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.contribution)
        guard rules.state.participation[e.format] != nil else {
            throw .unknownEntity(kind: .participation, id: e.format.rawValue, role: "contribution '\(e.contribution)'.format")
        }
        try rules.text(e.summary, "contribution '\(e.contribution)'.summary", maxLength: 5_000)
        return [.contributionReceived(e)]
    }

    static func disposeContribution(_ e: ContributionDisposed, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard let contribution = rules.state.contributions[e.contribution] else {
            throw .unknownEntity(kind: .contribution, id: e.contribution.rawValue, role: "contribution")
        }
        let name = "contribution '\(e.contribution)'"
        for (index, id) in e.linkedTo.enumerated() {
            let kind = rules.state.kind(of: id)
            if kind != .goal && kind != .measure && kind != .field {
                throw .invalidValue(field: "\(name).linkedTo[\(index)]", reason: Wording(de: "'\(id)' ist kein Ziel, keine Maßnahme und kein Handlungsfeld dieses Plans", en: "'\(id)' is not a goal, measure or field of this plan"))
            }
        }
        try rules.optionalText(e.note, "\(name).note", maxLength: 2_000)
        // A contribution can be taken up "in general" (*grundsätzlich aufgegriffen*) without naming a goal, measure or
        // field: plans often say no more, and a link would have to be invented. Links that are given are checked above.
        if contribution.disposition == e.disposition && contribution.linkedTo == e.linkedTo && contribution.note == e.note { return [] }
        return [.contributionDisposed(e)]
    }

    static func registerActor(_ e: ActorRegistered, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.actor)
        try rules.label(e.name, "actor '\(e.actor)'.name")
        return [.actorRegistered(e)]
    }

    static func reviseActor(_ e: ActorRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard let actor = rules.state.actors[e.actor] else { throw .unknownEntity(kind: .actor, id: e.actor.rawValue, role: "actor") }
        var change = ActorRevised(actor: e.actor)
        if let name = e.name, name != actor.name { try rules.label(name, "actor '\(e.actor)'.name"); change.name = name }
        if let sector = e.sector, sector != actor.sector { change.sector = sector }
        guard change != ActorRevised(actor: e.actor) else { return [] }
        try rules.reasonIfSealed(e.actor, .actor, Wording(de: "das Überarbeiten", en: "revising it"))
        return [.actorRevised(change)]
    }

    static func removeActor(_ id: Identifier, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard rules.state.actors[id] != nil else { throw .unknownEntity(kind: .actor, id: id.rawValue, role: "actor") }
        try rules.reasonIfSealed(id, .actor, Wording(de: "das Entfernen", en: "removing it"))
        return [.actorRemoved(ActorRemoved(actor: id))]
    }
}
