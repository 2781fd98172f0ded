import Foundation
@testable import StrategyCore
import Testing

/// What published plans leave out stays out: no office has to invent a code, a commitment, a lead, a number or a
/// date to get a plan into the store.
@Suite("Optional facts", .timeLimit(.minutes(2)))
struct OptionalFactsTests {
    let id = Fixture.id
    let context = EventContext(actor: "p-1", role: "Bildungsbüro", reason: "Import", effectiveDate: CalendarDate("2026-11-29"))

    func parse(_ text: String) throws -> PlanDocument {
        try PlanFile.parse(Array(text.utf8), file: "kreis.yaml")
    }

    /// The state a file leads to from `state`, and the events it records.
    func importing(_ text: String, into state: PlanState = .empty) throws -> (events: [PlanEvent], state: PlanState) {
        try Reconciler.reconcile(try parse(text), state: state, context: context)
    }

    /// Writing `state` as a file and importing it into the same plan records nothing; into an empty store, it gives
    /// the same plan.
    func expectRoundTrip(_ state: PlanState, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let written = PlanFileWriter.yaml(state)
        let again = try Reconciler.reconcile(try PlanFile.parse(Array(written.utf8), file: "export.yaml"), state: state, context: context)
        #expect(again.events.isEmpty, "\(again.events.map(\.typeName))", sourceLocation: sourceLocation)
        let fresh = try Reconciler.reconcile(try PlanFile.parse(Array(written.utf8), file: "export.yaml"), state: .empty, context: context)
        #expect(fresh.state.contentHash == state.contentHash, sourceLocation: sourceLocation)
        #expect(fresh.state.fieldsInOrder.map(\.id) == state.fieldsInOrder.map(\.id), sourceLocation: sourceLocation)
    }

    static func payload(_ name: String) throws -> [UInt8] {
        let url = repositoryRoot.appendingPathComponent("Tests/StrategyCoreTests/Fixtures/\(name)")
        return Array(try [UInt8](Data(contentsOf: url)).dropLast())
    }

    // MARK: 1. Fields without code or commitment

    static let unnumberedFields = """
        plan: kreis
        title: Bildungskonzept Landkreis Beispiel
        county: Landkreis Beispiel
        fields:
          - id: hf-fruehe-bildung
            title: Frühkindliche Bildung
          - id: hf-schule
            code: "2"
            title: Schule und Ganztag
            commitment: Wir gestalten Ganztag mit den Schulträgern, indem wir Angebote abstimmen.
          - id: hf-beruf
            title: Übergang Schule – Beruf
          - id: hf-kita
            code: "1"
            title: Kita
            commitment: Wir sichern Kita-Plätze.
        """

    @Test("a field may have no code and no commitment; numbered or not, fields keep the file's order")
    func unnumberedFields() throws {
        let imported = try importing(Self.unnumberedFields)
        let state = imported.state
        let early = try #require(state.fields[id("hf-fruehe-bildung")])
        #expect(early.code == nil && early.commitment == nil)
        // The file lists field 1 last: the plan's own order is kept, not replaced by the codes'.
        #expect(state.fieldsInOrder.map(\.id.rawValue) == ["hf-fruehe-bildung", "hf-schule", "hf-beruf", "hf-kita"])
        let written = PlanFileWriter.yaml(state)
        #expect(written.contains("- id: hf-fruehe-bildung\n  title: Frühkindliche Bildung\n  status: proposed\n"), "\(written)")
        try expectRoundTrip(state)
        #expect(try BinaryStateCodec.decode(BinaryStateCodec.encode(state)) == state)

        // A later file that drops a code or a commitment removes it: field.revised clears it.
        let revised = try importing(Self.unnumberedFields.replacingOccurrences(of: "    code: \"2\"\n", with: "")
            .replacingOccurrences(of: "\n    commitment: Wir sichern Kita-Plätze.", with: ""), into: state)
        guard case let .fieldRevised(change)? = revised.events.first(where: { $0.typeName == "field.revised" }) else {
            Issue.record("no field.revised in \(revised.events.map(\.typeName))")
            return
        }
        #expect(change.code == .cleared)
        #expect(revised.state.fields[id("hf-schule")]?.code == nil)
        #expect(revised.state.fields[id("hf-kita")]?.commitment == nil)
        // The field that lost its number keeps its place: the plan's order is the file's.
        #expect(revised.state.fieldsInOrder.map(\.id.rawValue) == ["hf-fruehe-bildung", "hf-schule", "hf-beruf", "hf-kita"])
        try expectRoundTrip(revised.state)
        // A code that is given is still checked.
        let tooLong = Self.unnumberedFields.replacingOccurrences(of: "code: \"2\"", with: "code: Handlungsfeld-Zwei")
        #expect(throws: PlanFileError.self) { try importing(tooLong) }
    }

    @Test("a stored field.revised of schema 1 is upcast: its code and commitment become set values")
    func fieldRevisedV1() throws {
        guard case let .fieldRevised(revised) = try EventCodec.decode(
            type: "field.revised", schemaVersion: 1, encoding: "canonical-json/1", payload: try Self.payload("field.revised.v1.code.json")).event else {
            Issue.record("not a field.revised")
            return
        }
        #expect(revised.code == .set("b"))
        #expect(revised.commitment == .set("Wir stärken die Übergänge von der Kita in die Grundschule."))
        guard case let .fieldRevised(plain) = try EventCodec.decode(
            type: "field.revised", schemaVersion: 1, encoding: "canonical-json/1", payload: try Self.payload("field.revised.v1.json")).event else {
            Issue.record("not a field.revised")
            return
        }
        #expect(plain.code == nil && plain.commitment == nil && plain.title == "Lernen")
    }

    // MARK: 2. Measures without a lead

    static let measureWithoutLead = """
        plan: kreis
        title: Bildungskonzept Landkreis Beispiel
        county: Landkreis Beispiel
        fields:
          - id: hf-a
            code: a
            title: Übergänge
            goals:
              - id: ziel-a1
                statement: Kein Kind geht am Übergang verloren.
        measures:
          - id: m-lotsen
            title: Bildungslotsen an Grundschulen
            goals: [ziel-a1]
          - id: m-portal
            title: Bildungsportal
            lead: Bildungsbüro
        """

    @Test("a measure may have no lead; a lead recorded earlier can be taken back to not stated")
    func measureWithoutLead() throws {
        let state = try importing(Self.measureWithoutLead).state
        #expect(state.measures[id("m-lotsen")]?.lead == nil)
        #expect(!PlanFileWriter.yaml(state).contains("lead: \n"))
        try expectRoundTrip(state)
        #expect(try BinaryStateCodec.decode(BinaryStateCodec.encode(state)) == state)
        let cleared = try importing(Self.measureWithoutLead.replacingOccurrences(of: "\n    lead: Bildungsbüro", with: ""), into: state)
        #expect(cleared.state.measures[id("m-portal")]?.lead == nil)
        guard case let .measureRevised(change)? = cleared.events.first else {
            Issue.record("expected a measure.revised, got \(cleared.events.map(\.typeName))")
            return
        }
        #expect(change.lead == .cleared)
        // A lead that is given is still checked: a person's phone number is no lead.
        let phone = Self.measureWithoutLead.replacingOccurrences(of: "lead: Bildungsbüro", with: "lead: Frau Beispiel 04441 898-1234")
        #expect(throws: PlanFileError.self) { try importing(phone) }
    }

    @Test("stored measure.revised of schema 1 and 2 are upcast: the lead becomes a set value")
    func measureRevisedV2() throws {
        for version: UInt32 in [1, 2] {
            guard case let .measureRevised(revised) = try EventCodec.decode(
                type: "measure.revised", schemaVersion: version, encoding: "canonical-json/1",
                payload: try Self.payload("measure.revised.v\(version).json")).event else {
                Issue.record("not a measure.revised")
                return
            }
            #expect(revised.lead == .set("Fachdienst"), "v\(version)")
            #expect(revised.horizon == .set(.long), "v\(version)")
        }
    }

    // MARK: 3. Contributions taken up in general

    @Test("a contribution can be accepted, or partly accepted, in general: without naming a goal or measure")
    func acceptedInGeneral() throws {
        let text = """
            plan: kreis
            title: Bildungskonzept Landkreis Beispiel
            county: Landkreis Beispiel
            participation:
              - id: zw-2019
                kind: zukunftswerkstatt
                title: Zukunftswerkstatt Bildung 2019
                date: 2019-03-16
                contributions:
                  - id: beitrag-mobilitaet
                    summary: Bildungsorte auch ohne Auto erreichbar machen.
                    disposition: accepted
                    note: Grundsätzlich aufgegriffen; wird bei der Fortschreibung berücksichtigt.
                  - id: beitrag-sprache
                    summary: Mehr Sprachförderung vor der Einschulung.
                    disposition: partly
            """
        let state = try importing(text).state
        #expect(state.contributions[id("beitrag-mobilitaet")]?.disposition == .accepted)
        #expect(state.contributions[id("beitrag-mobilitaet")]?.linkedTo == [])
        #expect(state.contributions[id("beitrag-sprache")]?.disposition == .partly)
        try expectRoundTrip(state)
        // A link that is given must still name a goal, measure or field.
        var f = try Fixture()
        try f.run(.holdParticipation(ParticipationHeld(format: id("zw"), kind: .workshop, title: "Workshop", date: CalendarDate("2025-01-10"), participants: nil)))
        try f.run(.receiveContribution(ContributionReceived(contribution: id("b-1"), format: id("zw"), summary: "Mehr Lernorte")))
        #expect(f.refusal(.disposeContribution(ContributionDisposed(contribution: id("b-1"), disposition: .accepted, linkedTo: [id("kreistag")]))) != nil)
        #expect(try f.run(.disposeContribution(ContributionDisposed(contribution: id("b-1"), disposition: .accepted))).count == 1)
    }

    // MARK: 4. When a body was dissolved

    static let dissolvedBodies = """
        plan: kreis
        title: Bildungskonzept Landkreis Beispiel
        county: Landkreis Beispiel
        bodies:
          - id: kreistag
            name: Kreistag
            kind: council
            mandate: [adopt_plan]
          - id: lenkungsgruppe
            name: Lenkungsgruppe Lernen vor Ort
            kind: steering_group
            mandate: [advise]
            dissolved: 2010-11-30
          - id: ag-uebergaenge
            name: AG Übergänge
            kind: other
            mandate: [advise]
            dissolved: true
        """

    @Test("a body's dissolution may have a date: dissolved: 2010-11-30, or true when the date is not stated")
    func dissolutionDate() throws {
        let imported = try importing(Self.dissolvedBodies)
        let state = imported.state
        let steering = try #require(state.bodies[id("lenkungsgruppe")])
        #expect(steering.dissolved && steering.dissolvedOn == CalendarDate("2010-11-30"))
        let group = try #require(state.bodies[id("ag-uebergaenge")])
        #expect(group.dissolved && group.dissolvedOn == nil)
        #expect(state.bodies[id("kreistag")]?.dissolved == false)
        let written = PlanFileWriter.yaml(state)
        #expect(written.contains("dissolved: 2010-11-30") && written.contains("dissolved: true"), "\(written)")
        try expectRoundTrip(state)
        #expect(try BinaryStateCodec.decode(BinaryStateCodec.encode(state)) == state)
        // The date, once found in the minutes, is recorded for a body dissolved earlier without one.
        let dated = try importing(Self.dissolvedBodies.replacingOccurrences(of: "dissolved: true", with: "dissolved: 2012-06-30"), into: state)
        #expect(dated.events.count == 1)
        guard case let .bodyDissolved(event)? = dated.events.first else {
            Issue.record("expected body.dissolved, got \(dated.events.map(\.typeName))")
            return
        }
        #expect(event.on == CalendarDate("2012-06-30") && event.body == id("ag-uebergaenge"))
        #expect(dated.state.bodies[id("ag-uebergaenge")]?.dissolvedOn == CalendarDate("2012-06-30"))
        // Stating the dissolution without a date again keeps the known date.
        #expect(try importing(Self.dissolvedBodies, into: dated.state).events.isEmpty)
        // Anything else is refused where it stands.
        let wrong = Self.dissolvedBodies.replacingOccurrences(of: "dissolved: true", with: "dissolved: Ende 2012")
        #expect(throws: PlanFileError.self) { try parse(wrong) }
        do {
            _ = try parse(wrong)
        } catch {
            #expect("\(error)" == "kreis.yaml:18:16: bodies[2].dissolved: expected true, false or when it was dissolved (2010-11-30, or as precisely as the sources state it: 2010-11, 2010, 'vor 2011'), found 'Ende 2012'")
        }
        // A dissolved body has no mandate, whether or not the date is known.
        var f = try Fixture()
        try f.run(.dissolveBody(id("kreistag"), reason: "Gebietsreform", on: CalendarDate("2025-01-31")))
        #expect(f.state.bodies[id("kreistag")]?.dissolvedOn == CalendarDate("2025-01-31"))
        #expect(f.refusal(.adopt(label: "Fassung", resolution: "KT-1", effectiveDate: CalendarDate("2025-02-01"))) != nil)
    }

    // MARK: 5. Qualitative targets

    static let qualitativeTargets = """
        plan: kreis
        title: Bildungskonzept Landkreis Beispiel
        county: Landkreis Beispiel
        indicators:
          - id: kz-ohne-abschluss
            code: B-07
            name: Schulabgänge ohne Abschluss
            unit: Prozent
            polarity: lower_is_better
            source: Landesamt für Statistik Niedersachsen
        fields:
          - id: hf-schule
            code: "2"
            title: Schule
            goals:
              - id: ziel-abschluss
                statement: Mehr junge Menschen erreichen einen Schulabschluss.
                targets:
                  - indicator: kz-ohne-abschluss
                    baseline: 6.8
                    baseline_date: 2023-07-31
                    text: deutlich reduzieren
                    target_date: 2028-07-31
                  - text: flächendeckende Schulsozialarbeit
                  - indicator: kz-ohne-abschluss
                    target: 5.5
                    target_date: 2030-07-31
        """

    @Test("a goal's target may be a text instead of a value: 'deutlich reduzieren', 'flächendeckend'")
    func qualitativeTargets() throws {
        let state = try importing(Self.qualitativeTargets).state
        let targets = try #require(state.goals[id("ziel-abschluss")]?.targets)
        #expect(targets == [
            Target(text: "deutlich reduzieren", indicator: id("kz-ohne-abschluss"), baseline: Quantity("6.8"), baselineDate: CalendarDate("2023-07-31"),
                   targetDate: CalendarDate("2028-07-31")),
            Target(text: "flächendeckende Schulsozialarbeit"),
            Target(indicator: id("kz-ohne-abschluss"), target: Quantity("5.5")!, targetDate: CalendarDate("2030-07-31")),
        ])
        #expect(targets[1].isQualitative && !targets[2].isQualitative)
        try expectRoundTrip(state)
        #expect(try BinaryStateCodec.decode(BinaryStateCodec.encode(state)) == state)
        // In the event, a qualitative target holds its text and no value; a numeric one encodes as before.
        let event = PlanEvent.goalFormulated(GoalFormulated(goal: id("ziel-x"), field: id("hf-schule"), level: .strategic, statement: "S", targets: targets))
        let encoded = EventCodec.encode(PlanEventEnvelope(event, context: EventContext()), as: .canonicalJSON)
        let json = String(decoding: encoded.payload, as: UTF8.self)
        #expect(json.contains(#"{"text":"flächendeckende Schulsozialarbeit"}"#), "\(json)")
        #expect(json.contains(#"{"indicator":"kz-ohne-abschluss","target":"5.5","targetDate":"2030-07-31"}"#), "\(json)")
        #expect(try EventCodec.decode(type: "goal.formulated", schemaVersion: 2, encoding: encoded.encoding, payload: encoded.payload).event == event)

        // A value and a text together, or neither, is refused; a numeric target still needs indicator and date.
        func refused(_ target: String) -> String? {
            let text = Self.qualitativeTargets.replacingOccurrences(of: "          - text: flächendeckende Schulsozialarbeit", with: target)
            do { _ = try importing(text); return nil } catch { return "\(error)" }
        }
        #expect(refused("          - text: deutlich mehr\n            target: 4") == "kreis.yaml:25:21: fields[0].goals[0].targets[1].target: a qualitative target has a text instead of a target value; give one of them")
        #expect(refused("          - target: 4\n            target_date: 2030-01-01") == "kreis.yaml:24:13: fields[0].goals[0].targets[1].indicator: is required")
        #expect(refused("          - text: deutlich mehr\n            baseline: 4") == "kreis.yaml:25:23: fields[0].goals[0].targets[1].baseline: a baseline needs the indicator it was measured with")
        var f = try Fixture()
        #expect(f.refusal(.reviseGoal(GoalRevised(goal: id("ziel-1"), targets: [Target(indicator: nil, baseline: nil, baselineDate: nil, target: Quantity(3), text: "mehr", targetDate: CalendarDate("2030-01-01"))]))) != nil)
        #expect(f.refusal(.reviseGoal(GoalRevised(goal: id("ziel-1"), targets: [Target(indicator: nil, baseline: nil, baselineDate: nil, target: nil, text: nil, targetDate: nil)]))) != nil)
        #expect(f.refusal(.reviseGoal(GoalRevised(goal: id("ziel-1"), targets: [Target(indicator: nil, baseline: nil, baselineDate: nil, target: Quantity(3), text: nil, targetDate: CalendarDate("2030-01-01"))]))) != nil)
        #expect(try f.run(.reviseGoal(GoalRevised(goal: id("ziel-1"), targets: [Target(text: "spürbar mehr Teilhabe", indicator: id("kz-1"))]))).count == 1)
    }

    // MARK: 6. Cross-cutting themes, and measures that belong to a field but to no goal

    static let themes = """
        plan: kreis
        title: Bildungskonzept Landkreis Beispiel
        county: Landkreis Beispiel
        themes:
          - id: thema-inklusion
            title: Inklusion
            description: Bildungsangebote stehen allen offen, mit und ohne Behinderung.
          - id: thema-bne
            title: Bildung für nachhaltige Entwicklung (BNE)
        fields:
          - id: hf-schule
            code: "2"
            title: Schule
            themes: [thema-inklusion]
            goals:
              - id: ziel-inklusive-schule
                statement: Jede Schule arbeitet inklusiv.
                themes: [thema-inklusion]
          - id: hf-nachhaltigkeit
            code: "3"
            title: Lernorte in der Region
        measures:
          - id: m-schulbegleitung
            title: Schulbegleitung aus einer Hand
            goals: [ziel-inklusive-schule]
            themes: [thema-inklusion]
          - id: m-klimaschulen
            title: Netzwerk Klimaschulen
            field: hf-nachhaltigkeit
            themes: [thema-bne]
        """

    @Test("themes belong to the plan; fields, goals and measures refer to them; a measure may belong to a field without a goal")
    func crossCuttingThemes() throws {
        let imported = try importing(Self.themes)
        let state = imported.state
        #expect(state.themes[id("thema-inklusion")] == Theme(id: id("thema-inklusion"), title: "Inklusion",
                                                            description: "Bildungsangebote stehen allen offen, mit und ohne Behinderung."))
        #expect(state.themes[id("thema-bne")]?.description == nil)
        #expect(state.kind(of: id("thema-bne")) == .theme)
        #expect(state.fields[id("hf-schule")]?.themes == [id("thema-inklusion")])
        #expect(state.goals[id("ziel-inklusive-schule")]?.themes == [id("thema-inklusion")])
        let climate = try #require(state.measures[id("m-klimaschulen")])
        #expect(climate.field == id("hf-nachhaltigkeit") && climate.goals.isEmpty && climate.themes == [id("thema-bne")])
        try expectRoundTrip(state)
        #expect(try BinaryStateCodec.decode(BinaryStateCodec.encode(state)) == state)
        // Entities without themes encode as before: nothing about themes appears in their canonical form.
        let field = String(decoding: try CanonicalJSON.encode(try #require(state.fields[id("hf-nachhaltigkeit")])), as: UTF8.self)
        #expect(!field.contains("themes"), "\(field)")

        // References must name themes, and a measure's field a field.
        func problem(_ old: String, _ new: String) -> String? {
            do { _ = try parse(Self.themes.replacingOccurrences(of: old, with: new)); return nil } catch { return "\(error)" }
        }
        #expect(problem("themes: [thema-bne]", "themes: [thema-digital]") == "kreis.yaml:27:9: measures[1].themes: 'thema-digital' names nothing in this plan")
        #expect(problem("field: hf-nachhaltigkeit", "field: ziel-inklusive-schule") == "kreis.yaml:27:9: measures[1].field: 'ziel-inklusive-schule' is a goal, expected field")

        // A theme the file no longer lists is removed once nothing open refers to it; an ended measure loses it.
        let withoutBNE = Self.themes
            .replacingOccurrences(of: "  - id: thema-bne\n    title: Bildung für nachhaltige Entwicklung (BNE)\n", with: "")
            .replacingOccurrences(of: "\n  - id: m-klimaschulen\n    title: Netzwerk Klimaschulen\n    field: hf-nachhaltigkeit\n    themes: [thema-bne]", with: "")
        #expect(!withoutBNE.contains("thema-bne") && !withoutBNE.contains("m-klimaschulen"))
        let removed = try importing(withoutBNE, into: state)
        #expect(removed.state.themes[id("thema-bne")] == nil)
        #expect(removed.state.measures[id("m-klimaschulen")]?.status == .discarded)
        #expect(removed.state.measures[id("m-klimaschulen")]?.themes == [])
        guard case let .themeRemoved(event)? = removed.events.last else {
            Issue.record("expected theme.removed last, got \(removed.events.map(\.typeName))")
            return
        }
        #expect(event.from == [id("m-klimaschulen")])
        // An open field that still refers to a theme keeps it from being removed.
        var f = try Fixture()
        try f.run(.defineTheme(ThemeDefined(theme: id("thema-digital"), title: "Digitalität")))
        try f.run(.reviseField(FieldRevised(field: id("hf-a"), themes: [id("thema-digital")])))
        #expect(f.refusal(.removeTheme(id("thema-digital"))) == invalid(field: "theme 'thema-digital'", reason: "'hf-a' still refers to it"))
        #expect(f.refusal(.reviseField(FieldRevised(field: id("hf-a"), themes: [id("kreistag")]))) != nil)
        #expect(f.refusal(.planMeasure(MeasurePlanned(measure: id("m-2"), title: "Netz", lead: nil, field: id("ziel-1")))) != nil)
        // A version seals themes with the rest of the content.
        #expect(f.state.contentIDs.contains(id("thema-digital")))
    }
}

