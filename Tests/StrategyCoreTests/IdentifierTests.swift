import StrategyCore
import Testing

@Suite("Identifiers", .timeLimit(.minutes(5)))
struct IdentifierTests {
    @Test("valid identifiers are accepted as written", arguments: ["vechta", "hf-b", "ziel-b-2", "2024", "a.b_c", String(repeating: "x", count: 64)])
    func valid(_ text: String) throws {
        #expect(try Identifier(text).rawValue == text)
    }

    @Test("invalid identifiers are refused with the reason")
    func invalid() {
        let cases: [(String, String)] = [
            ("", "invalid identifier '': it is empty"),
            ("HF-B", "invalid identifier 'HF-B': it must start with a lowercase letter or a digit"),
            ("hf b", "invalid identifier 'hf b': it contains ' '; use lowercase letters a-z, digits, '-', '_' and '.'"),
            ("börde", "invalid identifier 'börde': it contains 'ö'; use lowercase letters a-z, digits, '-', '_' and '.'"),
            ("-x", "invalid identifier '-x': it must start with a lowercase letter or a digit"),
            (String(repeating: "x", count: 65), "invalid identifier '\(String(repeating: "x", count: 65))': it has 65 characters, at most 64 are allowed"),
        ]
        for (text, message) in cases {
            #expect(throws: IdentifierError.self) { try Identifier(text) }
            do {
                _ = try Identifier(text)
            } catch {
                #expect(error.description == message)
            }
        }
    }
}
