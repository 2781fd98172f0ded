import Foundation
@testable import StrategyCore
import Testing

@Suite("County examples", .timeLimit(.minutes(5)))
struct ExampleTests {
    @Test("every county's files import and adopt without error")
    func load() throws {
        let counties = try examplePlans()
        #expect(counties.map(\.county) == ["boerde", "cloppenburg", "cloppenburg-aufbau", "heidekreis", "stade", "vechta"])
        for (county, files) in counties {
            let loaded = try loadCounty(files)
            #expect(loaded.state.id?.rawValue == county)
            #expect(loaded.state.versions.count == files.count, "\(county)")
            #expect(Plan.replay(loaded.events) == loaded.state)
        }
    }
}

@Suite("Plan files round trip", .timeLimit(.minutes(5)))
struct RoundTripTests {
    @Test("importing the same file twice records nothing the second time", arguments: ["boerde", "cloppenburg", "cloppenburg-aufbau", "heidekreis", "stade", "vechta"])
    func idempotentImport(_ county: String) throws {
        let files = try #require(try examplePlans().first { $0.county == county }).files
        var state = PlanState.empty
        for file in files {
            let document = try parsePlanFile(file)
            state = try Reconciler.reconcile(document, state: state, context: officeContext()).state
            let again = try Reconciler.reconcile(document, state: state, context: officeContext())
            #expect(again.events.isEmpty, "\(file.lastPathComponent): \(again.events.map(\.typeName))")
            if let adoption = document.adoption {
                state = Plan.replay(try Plan.decide(.adopt(label: adoption.label, resolution: adoption.resolution, effectiveDate: adoption.effective),
                                                    context: officeContext(resolution: adoption.resolution), state: state), from: state)
                let afterAdoption = try Reconciler.reconcile(document, state: state, context: officeContext())
                #expect(afterAdoption.events.isEmpty, "\(file.lastPathComponent) after adoption: \(afterAdoption.events.map(\.typeName))")
            }
        }
    }

    @Test("export, then import of the export, records nothing", arguments: ["boerde", "cloppenburg", "cloppenburg-aufbau", "heidekreis", "stade", "vechta"])
    func exportImport(_ county: String) throws {
        let files = try #require(try examplePlans().first { $0.county == county }).files
        let state = try loadCounty(files).state
        let yaml = PlanFileWriter.yaml(state)
        if ProcessInfo.processInfo.environment["PRINT_EXPORT"] == county { print(yaml) }
        let document = try PlanFile.parse(Array(yaml.utf8), file: "\(county)-export.yaml")
        let reimport = try Reconciler.reconcile(document, state: state, context: officeContext())
        #expect(reimport.events.isEmpty, "\(reimport.events)")
        // The export describes the same plan: its content hash after a re-import is unchanged.
        #expect(reimport.state.contentHash == state.contentHash)
    }

    @Test("an export imports into an empty store, which exports the same file and content hash — a retired field's reused code included",
          .timeLimit(.minutes(3)), arguments: ["boerde", "cloppenburg", "cloppenburg-aufbau", "heidekreis", "stade", "vechta"])
    func exportIntoEmptyStore(_ county: String) throws {
        let files = try #require(try examplePlans().first { $0.county == county }).files
        let state = try loadCounty(files).state
        let yaml = PlanFileWriter.yaml(state)
        let document = try PlanFile.parse(Array(yaml.utf8), file: "\(county)-export.yaml")
        // Adopted goals and active fields come with the resolution that adopted them.
        let fresh = try Reconciler.reconcile(document, state: .empty, context: officeContext(resolution: state.currentVersion?.resolution)).state
        #expect(PlanFileWriter.yaml(fresh) == yaml)
        #expect(fresh.contentHash == state.contentHash)
    }
}
