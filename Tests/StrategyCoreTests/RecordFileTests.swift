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
}
