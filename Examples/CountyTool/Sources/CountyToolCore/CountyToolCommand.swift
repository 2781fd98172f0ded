public import Foundation
public import Projections
public import StrategyCore

/// The command `county-tool STORE_PATH PLAN_ID [STICHTAG]`, without a process: arguments in, text and exit status
/// out, so tests run it against a fake ``PlanSource`` or a real store.
///
/// Exit status: 0 the report was printed; 1 the store or plan cannot be read (a missing store, an unknown plan);
/// 2 the arguments are unusable; 3 the store's record cannot be trusted (an integrity failure); 4 a conflict.
public enum CountyToolCommand {
    /// What a run printed and how it ended.
    public struct Outcome: Hashable, Sendable {
        /// Standard output: the report.
        public var output: String
        /// Standard error: what went wrong, in German.
        public var errors: String
        /// The exit status.
        public var status: Int32
    }

    /// How a store is opened: read-only, through the engine.
    public typealias Opener = (_ path: String) throws(EngineError) -> any PlanSource

    /// The usage text.
    public static let usage = """
        Aufruf: county-tool SPEICHERPFAD PLAN-ID [STICHTAG]

        Druckt den Sachstandsbericht eines Plans: die am Stichtag geltende und die zuletzt beschlossene Fassung,
        die Änderungen seit dieser Fassung und je Handlungsfeld die Maßnahmen mit ihrem Status.
        Der Speicher wird nur gelesen. STICHTAG im Format JJJJ-MM-TT, sonst heute.

        """

    /// Opens the store at `path` read-only: the tool never writes.
    public static func openReadOnly(_ path: String) throws(EngineError) -> any PlanSource {
        try StrategyEngine(path: path, readOnly: true)
    }

    /// Runs the command.
    ///
    /// - Parameters:
    ///   - arguments: The arguments after the program's name.
    ///   - today: The key date when the arguments name none.
    ///   - open: How to open the store (``openReadOnly(_:)`` unless a test passes a fake).
    public static func run(_ arguments: [String], today: CalendarDate, open: Opener = openReadOnly) -> Outcome {
        if arguments.contains("-h") || arguments.contains("--help") {
            return Outcome(output: usage, errors: "", status: 0)
        }
        guard (2...3).contains(arguments.count) else {
            return Outcome(output: "", errors: "county-tool: erwartet werden SPEICHERPFAD und PLAN-ID\n\n" + usage, status: 2)
        }
        let plan: Identifier
        do throws(IdentifierError) {
            plan = try Identifier(arguments[1])
        } catch {
            return failure("'\(arguments[1])' ist keine gültige Plan-ID: \(error.wording.de)", status: 2)
        }
        var keyDate = today
        if arguments.count == 3 {
            guard let date = CalendarDate(arguments[2]), date.isExactDay else {
                return failure("'\(arguments[2])' ist kein Stichtag; erwartet wird ein Tag im Format JJJJ-MM-TT", status: 2)
            }
            keyDate = date
        }

        let source: any PlanSource
        do throws(EngineError) {
            source = try open(arguments[0])
        } catch {
            return failure("der Speicher '\(arguments[0])' kann nicht geöffnet werden: \(error.text(in: .de))", status: status(of: error))
        }
        do throws(EngineError) {
            let report = try StatusReport.build(plan: plan, keyDate: keyDate, from: source)
            return Outcome(output: report.text(), errors: "", status: 0)
        } catch {
            var message = error.text(in: .de)
            if case .unknownPlan = error, let known = try? source.plans(includeWithdrawn: false) {
                message += known.isEmpty ? "; der Speicher enthält noch keinen Plan" : "; vorhandene Pläne: " + known.map(\.rawValue).joined(separator: ", ")
            }
            return failure(message, status: status(of: error))
        }
    }

    /// The exit status for an engine error, by its category.
    public static func status(of error: EngineError) -> Int32 {
        switch error.category {
        case .input, .rule, .store: return 1
        case .integrity: return 3
        case .conflict: return 4
        }
    }

    /// Today's date in the machine's time zone.
    public static func today(now: Date = Date(), timeZone: TimeZone = .current) -> CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: timeZone, from: now)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    static func failure(_ message: String, status: Int32) -> Outcome {
        Outcome(output: "", errors: "county-tool: Fehler: \(message)\n", status: status)
    }
}
