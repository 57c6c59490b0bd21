/// A line and column in a source text, both counted from 1.
///
/// Columns count Unicode scalars, which is what an editor shows for most text.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A parsed JSON document that remembers where each value stood.
///
/// Definitions are decoded from this tree rather than through `Codable` so that every error can
/// name the line of the offending value and every key can be checked against the known ones.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// The JSON type name used in error messages ("a string", "an object", ...).
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSONValue {
    /// A scalar as the text a slot, a reply or metadata shows.
    public enum ScalarText: Sendable, Equatable {
        case text(String)
        case null
        /// A number too large to keep exactly: send it as a string.
        case inexact
        /// An array or object.
        case nested
    }

    /// Strings as they are, numbers with their exact digits, booleans as `true` and `false`: the
    /// one reading of a flat value, shared by the protocol and the test files, so a test can
    /// give what a real backend sends.
    public var scalarText: ScalarText {
        switch self {
        case .string(let text): return .text(text)
        case .bool(let flag): return .text(flag ? "true" : "false")
        case .null: return .null
        case .array, .object: return .nested
        case .number(let number):
            if let integer = JSONWriter.exactInteger(number) { return .text(integer) }
            guard number.isFinite, abs(number) <= JSONWriter.largestExactInteger else { return .inexact }
            return .text(String(number))
        }
    }
}

/// A JSON value and the place it starts in the source.
public struct JSONNode: Sendable, Equatable {
    public var value: JSONValue
    public var location: SourceLocation

    public init(_ value: JSONValue, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// One `"key": value` pair of a JSON object, in source order.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: JSONNode

    public init(key: String, keyLocation: SourceLocation, value: JSONNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
