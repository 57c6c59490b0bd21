/// A request for a session the store holds but cannot read: refused with the reason, the
/// stored row left as it is; a reset removes it.
public struct SessionUnreadable: Error, Sendable, Equatable, CustomStringConvertible {
    public var session: String
    public var message: String

    public var description: String { message }

    /// The protocol's error code.
    public static let code = "session_unreadable"
}
