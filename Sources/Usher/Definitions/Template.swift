import Foundation

/// Text with `{slot}` markers, as written in examples, patterns and responses.
///
/// `{{` and `}}` stand for literal braces. Parsing happens once at load time; filling a template
/// never re-parses, and values put into it are never read as markers, so customer text that
/// reaches a reply cannot inject a template.
public struct Template: Sendable, Hashable, CustomStringConvertible {
    /// A run of literal text or a slot marker.
    public enum Segment: Sendable, Hashable {
        case text(String)
        case slot(String)
    }

    public var segments: [Segment] {
        didSet { slotNames = Self.slotNames(of: segments) }
    }
    /// The slot names in the order they appear, without repeats (kept, as replies check them every turn).
    public private(set) var slotNames: [String]

    public init(segments: [Segment]) {
        self.segments = segments
        slotNames = Self.slotNames(of: segments)
    }

    private static func slotNames(of segments: [Segment]) -> [String] {
        var names: [String] = []
        for case .slot(let name) in segments where !names.contains(name) { names.append(name) }
        return names
    }

    /// The literal text with every marker removed: what the matcher learns from.
    public var literalText: String {
        if segments.count == 1, case .text(let text) = segments[0] { return text }
        return segments.map { segment in
            if case .text(let text) = segment { return text }
            return " "
        }.joined()
    }

    /// The source form, with markers and escaped braces.
    public var description: String {
        // Most templates (every example without a slot) are one piece of text without braces:
        // that text, without an array and a join (the matcher shows the closest example's).
        if segments.count == 1, case .text(let text) = segments[0],
            !text.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") })
        {
            return text
        }
        return segments.map { segment in
            switch segment {
            case .text(let text):
                text.utf8.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }
                    ? text.replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}") : text
            case .slot(let name): "{\(name)}"
            }
        }.joined()
    }

    /// Fills every marker from `values`; a marker with no value is left out, so that a reply
    /// never shows a raw `{name}` to a customer.
    public func render(_ values: [String: String]) -> String {
        segments.map { segment in
            switch segment {
            case .text(let text): text
            case .slot(let name): values[name] ?? ""
            }
        }.joined()
    }
}

extension StringProtocol {
    /// Whether the text has a letter or digit: what makes it something a matcher can learn from.
    var hasWordCharacter: Bool {
        unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }
}
