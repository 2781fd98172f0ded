@testable import StrategyCore
import Testing

/// Records in plan files — resolutions and observations: added when new, never changed by a file.
@Suite("Records in plan files", .timeLimit(.minutes(1)))
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
            "kreis.yaml:13:14: resolutions[0].subject: the record differs: resolution KT-2025/014 is recorded with subject 'Beschluss des Bildungskonzepts', the file says 'Beschluss der Fortschreibung'; a recorded resolution is never changed: write it as recorded, or leave it out",
            "kreis.yaml:14:12: resolutions[0].votes: the record differs: resolution KT-2025/014 is recorded with votes '51 Ja, 2 Nein, 3 Enthaltungen', the file says 'einstimmig'; a recorded resolution is never changed: write it as recorded, or leave it out",
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
}
