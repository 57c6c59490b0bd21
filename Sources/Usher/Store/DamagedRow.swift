/// A stored row that cannot be read, and exactly where it is: the store (a state file's path or
/// a database's address), the table, the row's key and the column, and what is wrong with the
/// value.
///
/// A log scan hands it on as ``LogRecord/damaged(_:)`` so that a report can leave the row out
/// and say so; reading what a server needs to go on (sessions, contact-centre events) refuses
/// instead, as a ``StoreError`` with this text.
public struct DamagedRow: Error, Sendable, Equatable, CustomStringConvertible {
    /// The state file's path, or the database's address without its password.
    public var store: String
    public var table: String
    /// The row's key as its table names it: `seq 13`, `id "web-42"`.
    public var row: String
    public var column: String
    /// What is wrong with the value, such as `not valid JSON: "{broken"`.
    public var problem: String
    /// When the row was logged, when that much could be read: a log scan keeps time order.
    public var at: Double?

    public init(store: String, table: String, row: String, column: String, problem: String, at: Double? = nil) {
        self.store = store
        self.table = table
        self.row = row
        self.column = column
        self.problem = problem
        self.at = at
    }

    /// `f.sqlite: table turns, row seq 13, column handoff: not valid JSON: "{broken"`.
    public var description: String {
        "\(store): table \(table), row \(row), column \(column): \(problem)"
    }
}
