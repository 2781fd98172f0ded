internal import Crypto

/// The hash chain over the log: each record's hash covers its predecessor's hash and its own body.
///
/// `hash = SHA-256(previousHash ‖ body)`, with the body as ``RecordFormat`` encodes it and the genesis hash
/// (``ChainHash/genesis``) before the first record. Appending seals each new body with ``seal(_:previous:)``;
/// `verify` recomputes every link with ``hash(previous:body:)``.
enum HashChain {
    /// `SHA-256(previousHash ‖ body)`.
    static func hash(previous: ChainHash, body: UnsafeRawBufferPointer) -> ChainHash {
        var hasher = SHA256()
        previous.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: body)
        return hasher.finalize().withUnsafeBytes { ChainHash(validatedBytes: $0) }
    }

    /// Turns a body into its record in place (appending the previous hash and its own), returning the record's hash.
    static func seal(_ record: inout [UInt8], previous: ChainHash) -> ChainHash {
        let hash = record.withUnsafeBytes { Self.hash(previous: previous, body: $0) }
        record.reserveCapacity(record.count + RecordFormat.trailerSize)
        previous.append(to: &record)
        hash.append(to: &record)
        return hash
    }
}
