/// The scripts written without spaces between words (Han, kana), whose characters the entity
/// tokenizer and the phrase tables take one at a time.
enum UnspacedScript {
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= 0x2E80 else { return false }
        return scalar.properties.isIdeographic
            || (0x3040...0x30FF).contains(value)  // Hiragana, Katakana
            || (0x31F0...0x31FF).contains(value)  // Katakana extensions
    }
}
