/// How a language writes the values a bot puts into its replies: dates and amounts of money.
///
/// Slots hold canonical values (`2026-11-30`, `1299.5 EUR`) so that programs, tests and the log
/// read them one way; only a reply to a customer shows them as the customer's language writes
/// them: "30.11.2026" and "1.299,50 €" in German, "2026年11月30日" and "NT$1,299" in Chinese.
/// English keeps the canonical forms: it serves customers in the US, the UK, India and
/// elsewhere, whose day-month orders and dollar signs disagree, and ISO dates and currency codes
/// read the same to all of them.
public struct ValueFormat: Sendable {
    public enum DateStyle: Sendable {
        /// `2026-11-30`.
        case iso
        /// `30.11.2026`.
        case dayMonthYearDots
        /// `2026年11月30日`.
        case yearMonthDayHan
    }

    public var dates: DateStyle
    /// `nil` keeps money canonical ("49.99 EUR").
    public var money: MoneyStyle?

    /// How amounts are written: separators, and a currency's sign before or after the amount.
    public struct MoneyStyle: Sendable {
        public var decimal: String
        /// Between groups of three digits, left of the decimal separator.
        public var group: String
        /// Each currency's sign and whether it comes first ("NT$1,299") or after a space
        /// ("49,99 €"); other currencies are written with their code after the amount.
        public var signs: [String: (sign: String, first: Bool)]
    }

    public static let canonical = ValueFormat(dates: .iso, money: nil)

    /// `value` as this language writes it in a reply when it is a value of entity `type`,
    /// otherwise `value` itself.
    public func display(_ value: String, type: String) -> String {
        switch type {
        case "date": date(value) ?? value
        case "money": money.flatMap { amount(value, style: $0) } ?? value
        default: value
        }
    }

    private func date(_ value: String) -> String? {
        guard let day = CalendarDate(iso: value) else { return nil }
        switch dates {
        case .iso: return value
        case .dayMonthYearDots: return "\(twoDigits(day.day)).\(twoDigits(day.month)).\(day.year)"
        case .yearMonthDayHan: return "\(day.year)年\(day.month)月\(day.day)日"
        }
    }

    private func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    /// "1299.5 EUR" as `style` writes it: the integer part grouped, two decimals when there are any.
    private func amount(_ value: String, style: MoneyStyle) -> String? {
        let parts = value.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let number = parts[0].split(separator: ".", maxSplits: 1)
        guard let integer = number.first, integer.allSatisfy(\.isASCIIDigit) else { return nil }
        var grouped = ""
        for (index, digit) in integer.enumerated() {
            if index > 0 && (integer.count - index) % 3 == 0 { grouped += style.group }
            grouped.append(digit)
        }
        if number.count == 2 {
            let decimals = String(number[1])
            grouped += style.decimal + (decimals.count == 1 ? decimals + "0" : decimals)
        }
        let code = String(parts[1])
        guard let (sign, first) = style.signs[code] else { return "\(grouped) \(code)" }
        return first ? sign + grouped : "\(grouped) \(sign)"
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
