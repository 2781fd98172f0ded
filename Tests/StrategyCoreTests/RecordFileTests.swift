@testable import StrategyCore
import Testing

/// Records in plan files — resolutions and observations: added when new, never changed by a file.
@Suite("Records in plan files", .timeLimit(.minutes(3)))
struct RecordFileTests {
    static let resolutionFile = """
        plan: kreis
        title: Bildungskonzept
        county: Landkreis Beispiel
        bodies:
          - id: kreistag
            name: Kreistag
            kind: council
            mandate: [adopt_plan]
        resolutions:
          - number: KT-2025/014
            body: kreistag
            date: 2025-03-20
            subject: Beschluss des Bildungskonzepts
            result: adopted
            votes: {yes: 51, no: 2, abstain: 3}

        """

    func parse(_ yaml: String) throws -> PlanDocument {
        try PlanFile.parse(Array(yaml.utf8), file: "kreis.yaml")
    }

    @Test("a resolution the file states otherwise than the record is refused, each difference at its place; none is recorded")
    func resolutionDiffers() throws {
        let state = try Reconciler.reconcile(try parse(Self.resolutionFile), state: .empty, context: officeContext()).state
        let changed = Self.resolutionFile
            .replacingOccurrences(of: "subject: Beschluss des Bildungskonzepts", with: "subject: Beschluss der Fortschreibung")
            .replacingOccurrences(of: "    result: adopted\n", with: "")
            .replacingOccurrences(of: "{yes: 51, no: 2, abstain: 3}", with: "{unanimous: true}")
        let error = try #require(throws: PlanFileError.self) {
            try Reconciler.reconcile(try parse(changed), state: state, context: officeContext())
        }
        #expect(error.issues.map(\.description) == [
            "kreis.yaml:10:13: resolutions[0].result: the record differs: resolution KT-2025/014 is recorded with result adopted, the file says unknown; a recorded resolution is never changed: write it as recorded, or leave it out",
            "kreis.yaml:13:14: resolutions[0].subject: the record differs: resolution KT-2025/014 is recorded with subject 'Beschluss des Bildungskonzepts', the file says 'Beschluss der Fortschreibung'; a recorded resolution is never changed: correct it with 'strategyctl resolution correct KT-2025/014 --subject \"Beschluss der Fortschreibung\" --reason …', or write it as recorded",
            "kreis.yaml:14:12: resolutions[0].votes: the record differs: resolution KT-2025/014 is recorded with votes '51 Ja, 2 Nein, 3 Enthaltungen', the file says 'einstimmig'; a recorded resolution is never changed: correct it with 'strategyctl resolution correct KT-2025/014 --votes einstimmig --reason …', or write it as recorded",
        ])
        // The file as recorded, and a file that leaves the resolution out, change nothing.
        #expect(try Reconciler.reconcile(try parse(Self.resolutionFile), state: state, context: officeContext()).events.isEmpty)
        let without = String(Self.resolutionFile[..<Self.resolutionFile.range(of: "resolutions:")!.lowerBound])
        #expect(try Reconciler.reconcile(try parse(without), state: state, context: officeContext()).events.isEmpty)
    }

    @Test("a correction keeps its reason in the plan's state, and snapshots keep it")
    func correctionReason() throws {
        var f = try Fixture()
        try f.run(.defineIndicator(IndicatorDefined(
            indicator: Fixture.id("kz-abbruch"), code: "K-1", name: "Abbruchquote", unit: "Prozent", polarity: .lowerIsBetter, source: "Landesamt")))
        try f.run(.recordObservation(ObservationRecorded(
            observation: Fixture.id("obs-2023"), indicator: Fixture.id("kz-abbruch"), period: "2023", region: "Landkreis Beispiel", value: Quantity("6.8")!)))
        try f.run(.correctObservation(ObservationCorrected(
            observation: Fixture.id("obs-2023-k"), corrects: Fixture.id("obs-2023"), value: Quantity("7.1")!, reason: "Nachmeldung des Landesamts")))
        #expect(f.state.observations[Fixture.id("obs-2023-k")]?.reason == "Nachmeldung des Landesamts")
        #expect(f.state.observations[Fixture.id("obs-2023")]?.reason == nil)
        #expect(try BinaryStateCodec.decode(BinaryStateCodec.encode(f.state)) == f.state)
    }

    static let observationFile = """
        plan: kreis
        title: Bildungskonzept
        county: Landkreis Vechta
        indicators:
          - id: kz-ohne-abschluss
            code: VEC-02
            name: Anteil der Schulabgänge ohne Abschluss
            unit: Prozent
            polarity: lower_is_better
            source: Landesamt für Statistik Niedersachsen
        observations:
          - id: obs-ohne-abschluss-2023
            indicator: kz-ohne-abschluss
            period: 2022/23
            region: Landkreis Vechta
            value: 6.8
          - id: obs-ohne-abschluss-2023-k
            corrects: obs-ohne-abschluss-2023
            value: 7.1
            reason: Nachmeldung des Landesamts vom 14.03.2024
          - id: obs-ohne-abschluss-2022
            indicator: kz-ohne-abschluss
            period: 2021/22
            region: Landkreis Vechta
            value: 7.4

        """

    @Test("observations and their corrections import as records, export in order and import back without changes")
    func observations() throws {
        let document = try parse(Self.observationFile)
        #expect(document.observations.map(\.id.rawValue) == ["obs-ohne-abschluss-2023", "obs-ohne-abschluss-2023-k", "obs-ohne-abschluss-2022"])
        let imported = try Reconciler.reconcile(document, state: .empty, context: officeContext())
        #expect(imported.events.map(\.typeName).suffix(3) == ["observation.recorded", "observation.recorded", "observation.corrected"])
        let state = imported.state
        let corrected = try #require(state.observations[Fixture.id("obs-ohne-abschluss-2023")])
        let correction = try #require(state.observations[Fixture.id("obs-ohne-abschluss-2023-k")])
        #expect(corrected.correctedBy == correction.id && corrected.value == Quantity("6.8"))
        #expect(correction.corrects == corrected.id && correction.value == Quantity("7.1") && correction.period == "2022/23")
        #expect(correction.reason == "Nachmeldung des Landesamts vom 14.03.2024")
        // Importing the file again, or a file that leaves the records out, records nothing.
        #expect(try Reconciler.reconcile(document, state: state, context: officeContext()).events.isEmpty)
        let without = String(Self.observationFile[..<Self.observationFile.range(of: "observations:")!.lowerBound])
        #expect(try Reconciler.reconcile(try parse(without), state: state, context: officeContext()).events.isEmpty)
        // The export lists each value followed by its corrections, by period.
        let yaml = PlanFileWriter.yaml(state)
        #expect(yaml.contains("""
            observations:
            - id: obs-ohne-abschluss-2022
              indicator: kz-ohne-abschluss
              period: 2021/22
              region: Landkreis Vechta
              value: 7.4
            - id: obs-ohne-abschluss-2023
              indicator: kz-ohne-abschluss
              period: 2022/23
              region: Landkreis Vechta
              value: 6.8
            - id: obs-ohne-abschluss-2023-k
              corrects: obs-ohne-abschluss-2023
              value: 7.1
              reason: Nachmeldung des Landesamts vom 14.03.2024

            """), "\(yaml)")
        let exported = try PlanFile.parse(Array(yaml.utf8), file: "export.yaml")
        #expect(try Reconciler.reconcile(exported, state: state, context: officeContext()).events.isEmpty)
        let fresh = try Reconciler.reconcile(exported, state: .empty, context: officeContext()).state
        #expect(PlanFileWriter.yaml(fresh) == yaml)
        #expect(fresh.observations == state.observations)
    }

    @Test("an observation the file states otherwise than the record is refused, saying how records are corrected; none is recorded")
    func observationDiffers() throws {
        let state = try Reconciler.reconcile(try parse(Self.observationFile), state: .empty, context: officeContext()).state
        let changed = Self.observationFile
            .replacingOccurrences(of: "    value: 6.8", with: "    value: 6.9")
            .replacingOccurrences(of: "reason: Nachmeldung des Landesamts vom 14.03.2024", with: "reason: Nachmeldung")
            .replacingOccurrences(of: "    period: 2021/22", with: "    period: 2021/2022")
        let error = try #require(throws: PlanFileError.self) {
            try Reconciler.reconcile(try parse(changed), state: state, context: officeContext())
        }
        #expect(error.issues.map(\.description) == [
            "kreis.yaml:16:12: observations[0].value: the record differs: observation 'obs-ohne-abschluss-2023' is recorded with value 6.8, the file says 6.9; a recorded observation is never changed: correct it with 'strategyctl observation correct obs-ohne-abschluss-2023-k 6.9 --reason …', or in the file by a new observation with 'corrects: obs-ohne-abschluss-2023-k'",
            "kreis.yaml:20:13: observations[1].reason: the record differs: observation 'obs-ohne-abschluss-2023-k' is recorded with reason 'Nachmeldung des Landesamts vom 14.03.2024', the file says 'Nachmeldung'; a recorded observation is never changed: write it as recorded, or leave it out",
            "kreis.yaml:23:13: observations[2].period: the record differs: observation 'obs-ohne-abschluss-2022' is recorded with period '2021/22', the file says '2021/2022'; a recorded observation is never changed: write it as recorded, or leave it out",
        ])
        // A correction in the file of a value the plan holds is recorded; one of an unknown observation is refused
        // at its place.
        let correction = Self.observationFile + """
              - id: obs-ohne-abschluss-2022-k
                corrects: obs-ohne-abschluss-2022
                value: 7.5
                reason: Schulstatistik berichtigt

            """
        let corrected = try Reconciler.reconcile(try parse(correction), state: state, context: officeContext())
        #expect(corrected.events.map(\.typeName) == ["observation.corrected"])
        let unknown = try #require(throws: PlanFileError.self) {
            try Reconciler.reconcile(try parse(correction.replacingOccurrences(of: "corrects: obs-ohne-abschluss-2022\n", with: "corrects: obs-fehlt\n")),
                                     state: state, context: officeContext())
        }
        #expect(unknown.description == "kreis.yaml:26:9: observations[3]: observation 'obs-ohne-abschluss-2022-k'.corrects: unknown observation 'obs-fehlt'")
    }

    @Test("observations with problems: every problem at its place")
    func observationProblems() {
        let yaml = Self.observationFile.replacingOccurrences(of: "observations:\n", with: """
            observations:
              - id: obs-a
                corrects: obs-ohne-abschluss-2022
                period: 2021/22
                value: sieben
              - id: obs-b
                indicator: kz-fehlt
                period: 2023
                region: Landkreis Vechta
                value: 7
                reason: geschätzt
              - id: obs-c
                corrects: kz-ohne-abschluss
                value: 1
                reason: R
              - id: obs-d
                corrects: obs-ohne-abschluss-2022
                value: 7.6
                reason: R
              - id: obs-d2
                corrects: obs-ohne-abschluss-2022
                value: 7.7
                reason: R
              - id: obs-e
                corrects: obs-f
                value: 1
                reason: R
              - id: obs-f
                corrects: obs-e
                value: 1
                reason: R

            """)
        var found: [String] = []
        do { _ = try PlanFile.parse(Array(yaml.utf8), file: "kreis.yaml") } catch { found = error.issues.map(\.description) }
        #expect(found == [
            "kreis.yaml:12:5: observations[0].reason: is required",
            "kreis.yaml:14:13: observations[0].period: a correction takes its period from the observation it corrects; leave it out",
            "kreis.yaml:15:12: observations[0].value: expected a decimal number such as 12.5, found 'sieben'",
            "kreis.yaml:17:16: observations[1].indicator: unknown indicator 'kz-fehlt'",
            "kreis.yaml:21:13: observations[1].reason: only a correction (with 'corrects') gives a reason",
            "kreis.yaml:23:15: observations[2].corrects: 'kz-ohne-abschluss' is an indicator, not an observation",
            "kreis.yaml:31:15: observations[4].corrects: observation 'obs-ohne-abschluss-2022' is already corrected by 'obs-d'; to correct a correction, name the correction",
            "kreis.yaml:35:15: observations[5].corrects: the observations 'obs-e' → 'obs-f' → 'obs-e' correct each other in a circle",
        ])
    }
}
