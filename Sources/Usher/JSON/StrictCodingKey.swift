/// Any key of a JSON object, so a decoder can see the keys it does not expect.
///
/// Values that stores persist (handoff reasons, contact-centre events) decode strictly: a key
/// that does not belong to the value's kind is an error, not silently dropped, so a record
/// written by a newer or a broken program is never half read.
struct StrictCodingKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == StrictCodingKey {
    /// The `code`-like tag naming which kind of value this object is.
    func tag(_ key: String) throws -> String {
        try decode(String.self, forKey: StrictCodingKey(key))
    }

    /// Refuses the object when it has a key outside `allowed`.
    func requireOnly(_ allowed: Set<String>, in kind: String) throws {
        for key in allKeys where !allowed.contains(key.stringValue) {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "unexpected key \"\(key.stringValue)\" in \(kind)")
        }
    }

    func value<Value: Decodable>(_ key: String, as type: Value.Type = Value.self) throws -> Value {
        try decode(type, forKey: StrictCodingKey(key))
    }

    func string(_ key: String) throws -> String {
        let value = try decode(String.self, forKey: StrictCodingKey(key))
        guard !value.isEmpty else {
            throw DecodingError.dataCorruptedError(
                forKey: StrictCodingKey(key), in: self, debugDescription: "\"\(key)\" must not be empty")
        }
        return value
    }

    func integer(_ key: String, atLeast minimum: Int) throws -> Int {
        let value = try decode(Int.self, forKey: StrictCodingKey(key))
        guard value >= minimum else {
            throw DecodingError.dataCorruptedError(
                forKey: StrictCodingKey(key), in: self, debugDescription: "\"\(key)\" must be at least \(minimum)")
        }
        return value
    }

    func number(_ key: String, in range: ClosedRange<Double>? = nil) throws -> Double {
        let value = try decode(Double.self, forKey: StrictCodingKey(key))
        guard value.isFinite, range.map({ $0.contains(value) }) ?? true else {
            let limits = range.map { " in [\(JSONWriter.number($0.lowerBound)), \(JSONWriter.number($0.upperBound))]" }
            throw DecodingError.dataCorruptedError(
                forKey: StrictCodingKey(key), in: self,
                debugDescription: "\"\(key)\" must be a finite number" + (limits ?? ""))
        }
        return value
    }

    func number(_ key: String, atLeast minimum: Double) throws -> Double {
        let value = try decode(Double.self, forKey: StrictCodingKey(key))
        guard value.isFinite, value >= minimum else {
            throw DecodingError.dataCorruptedError(
                forKey: StrictCodingKey(key), in: self,
                debugDescription: "\"\(key)\" must be a finite number, at least \(JSONWriter.number(minimum))")
        }
        return value
    }
}

extension KeyedEncodingContainer where Key == StrictCodingKey {
    mutating func encode(_ value: some Encodable, at key: String) throws {
        try encode(value, forKey: StrictCodingKey(key))
    }
}
