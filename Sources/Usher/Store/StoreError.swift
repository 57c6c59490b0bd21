/// A store that could not do what was asked. The message names the store (its file or address)
/// and what went wrong; the server answers the affected requests with `storage_unavailable`.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The store cannot be used as it is (not a database, not Usher's, from a newer version);
        /// it was left untouched.
        case unusable
        /// Reading or writing failed (read-only, disk full, locked); retrying later may work.
        case unavailable
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
