import EventStore
import Foundation
import Testing

@Suite("Expected versions and idempotent retries", .timeLimit(.minutes(5)))
struct ExpectedVersionTests {
    @Test("every expected-version case, against a missing and an existing stream")
    func expectedVersions() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path)

        #expect(throws: EventStoreError.wrongExpectedVersion(stream: "vechta", expected: .streamExists, actual: nil)) {
            try store.append(to: "vechta", expecting: .streamExists, events: [sampleEvent("x")])
        }
        #expect(throws: EventStoreError.wrongExpectedVersion(stream: "vechta", expected: .exact(3), actual: nil)) {
            try store.append(to: "vechta", expecting: .exact(3), events: [sampleEvent("x")])
        }
        #expect(try store.append(to: "vechta", expecting: .noStream, events: [sampleEvent("1")]).lastVersion == 1)
        #expect(throws: EventStoreError.wrongExpectedVersion(stream: "vechta", expected: .noStream, actual: 1)) {
            try store.append(to: "vechta", expecting: .noStream, events: [sampleEvent("x")])
        }
        #expect(throws: EventStoreError.wrongExpectedVersion(stream: "vechta", expected: .exact(0), actual: 1)) {
            try store.append(to: "vechta", expecting: .exact(0), events: [sampleEvent("x")])
        }
        #expect(try store.append(to: "vechta", expecting: .streamExists, events: [sampleEvent("2")]).lastVersion == 2)
        #expect(try store.append(to: "vechta", expecting: .exact(2), events: [sampleEvent("3"), sampleEvent("4")]).lastVersion == 4)
        #expect(try store.append(to: "vechta", expecting: .any, events: [sampleEvent("5")]).lastVersion == 5)
        #expect(try store.append(to: "stade", expecting: .exact(0), events: [sampleEvent("1")]).lastVersion == 1)
        #expect(try store.append(to: "cloppenburg", expecting: .any, events: [sampleEvent("1")]).lastVersion == 1)
        do {
            _ = try store.append(to: "vechta", expecting: .exact(4), events: [sampleEvent("x")])
            Issue.record("a stale expected version was accepted")
        } catch {
            #expect(error.description == "wrong expected version: expected 4, stream 'vechta' is at 5")
        }
        // Nothing was written by the refused appends.
        #expect(try store.head()?.position == 7)
        #expect(try store.verify(checkIndexes: true).isIntact)
    }

    @Test("retrying an append whose events are stored returns the original result and writes nothing")
    func idempotentRetry() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path)
        _ = try await store.append(to: "other", events: [sampleEvent("0")])
        let events = [sampleEvent("a"), sampleEvent("b"), sampleEvent("c")]
        let original = try await store.append(to: "plan", expecting: .noStream, events: events)
        _ = try await store.append(to: "plan", events: [sampleEvent("d")])

        let retry = try await store.append(to: "plan", expecting: .noStream, events: events)
        #expect(retry.wasAlreadyStored)
        #expect(retry.firstPosition == original.firstPosition && retry.lastPosition == original.lastPosition)
        #expect(retry.firstVersion == 1 && retry.lastVersion == 3)
        let asyncRetry = try await store.append(to: "plan", expecting: .exact(0), events: events)
        #expect(asyncRetry.wasAlreadyStored && asyncRetry.firstPosition == 2)
        #expect(try store.head()?.position == 5)
    }

    @Test("a partial overlap with stored events, or ids stored elsewhere, is an error")
    func partialOverlap() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path)
        let a = sampleEvent("a"), b = sampleEvent("b"), c = sampleEvent("c")
        _ = try store.append(to: "plan", events: [a, b])

        do {
            _ = try store.append(to: "plan", events: [a, b, c])
            Issue.record("a partial retry was accepted")
        } catch {
            guard case let .idempotencyConflict(stream, eventID, reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(stream == "plan" && eventID == a.id)
            #expect(reason.en.contains("partial retry"))
        }
        #expect(throws: EventStoreError.self) { try store.append(to: "elsewhere", events: [a, b]) }
        #expect(throws: EventStoreError.self) { try store.append(to: "plan", events: [b, a]) }
        var changed = a
        changed.payload = Array("changed".utf8)
        #expect(throws: EventStoreError.self) { try store.append(to: "plan", events: [changed, b]) }
        #expect(try store.head()?.position == 2)
        #expect(try store.event(id: c.id) == nil)
    }

    @Test("a read-only handle refuses appends")
    func readOnlyHandle() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        do {
            let store = try EventStore(path: directory.path)
            _ = try store.append(to: "s", events: [sampleEvent("1")])
        }
        let reader = try EventStore(path: directory.path, configuration: .init(readOnly: true))
        #expect(reader.isReadOnly)
        #expect(throws: EventStoreError.readOnly(path: reader.path)) {
            try reader.append(to: "s", events: [sampleEvent("2")])
        }
        #expect(try reader.event(at: 1)?.payload == Array("1".utf8))
    }
}
