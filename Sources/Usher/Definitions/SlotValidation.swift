/// What a slot's value must be besides its entity type: one of a list, within a range, or of a
/// shape. A value that fails is not filled, and the bot answers with `message` (or the slot's
/// reprompt), counting it as a failed answer, as Dialogflow CX and Lex do with their
/// validation hooks, but declared in the definition so that `usher check` and tests see it.
///
/// ```json
/// "incident_date": {"entity": "date", "required": true, "prompt": "When did it happen?",
///                   "validate": {"max": "today", "message": "The date can't be in the future. When did it happen?"}}
/// ```
public struct SlotValidation: Sendable {
    /// A range's end: a number (for numbers and amounts), a day, or today (for dates).
    public enum Bound: Sendable, Equatable {
        case number(Double)
        case date(CalendarDate)
        case today

        /// Where the bound stands, to compare two written bounds; `nil` for today, which moves.
        var order: Double? {
            switch self {
            case .number(let value): value
            case .date(let day): Double(day.dayNumber)
            case .today: nil
            }
        }
    }

    /// Allowed canonical values, compared ignoring case; `nil` allows any.
    public var values: [String]?
    public var min: Bound?
    public var max: Bound?
    /// The pattern the whole value must match, as written.
    public var regex: String?
    public var message: Template?
    private let program: RegexProgram?

    /// Throws the regex's syntax error, so the decoder can report it where it was written.
    init(
        values: [String]? = nil, min: Bound? = nil, max: Bound? = nil, regex: String? = nil,
        message: Template? = nil
    ) throws(RegexSyntaxError) {
        self.values = values
        self.min = min
        self.max = max
        self.regex = regex
        self.message = message
        // Anchored on both ends: the whole value, not a part of it, must have the shape.
        program = try regex.map { pattern throws(RegexSyntaxError) in try RegexProgram("^(" + pattern + ")$") }
    }

    /// Whether `value` (a canonical slot value: `42`, `25.00 EUR`, `2026-03-03`) passes, with
    /// `today` the day "today" means for this conversation.
    public func accepts(_ value: String, today: CalendarDate) -> Bool {
        if let values, !values.contains(where: { $0.lowercased() == value.lowercased() }) { return false }
        if let program, program.matches(in: Array(value.unicodeScalars)).isEmpty { return false }
        if let min, !Self.compare(value, min, today: today, with: >=) { return false }
        if let max, !Self.compare(value, max, today: today, with: <=) { return false }
        return true
    }

    /// A value that cannot be read as the bound's kind fails: a range says what it accepts.
    private static func compare(
        _ value: String, _ bound: Bound, today: CalendarDate, with holds: (Double, Double) -> Bool
    ) -> Bool {
        switch bound {
        case .number(let limit):
            // The leading number of `42` or `25.00 EUR`.
            let digits = value.prefix { $0.isNumber || $0 == "." || $0 == "-" }
            guard let number = Double(digits) else { return false }
            return holds(number, limit)
        case .date(let day):
            guard let date = CalendarDate(iso: value) else { return false }
            return holds(Double(date.dayNumber), Double(day.dayNumber))
        case .today:
            guard let date = CalendarDate(iso: value) else { return false }
            return holds(Double(date.dayNumber), Double(today.dayNumber))
        }
    }
}
