import Projections
import Testing

@Suite("Engine version")
struct EngineVersionTests {
    @Test("the version is a semantic version")
    func semanticVersion() {
        let parts = EngineVersion.current.split(separator: ".")
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { Int($0) != nil })
    }
}
