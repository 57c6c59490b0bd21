/// Function words that carry little meaning on their own, per language.
///
/// The linter and key-phrase extraction use them; the matcher does not drop them, because
/// "can I" and "I can" differ for intents.
public enum StopWords {
    public static let english: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "then", "of", "at", "by", "for", "with", "about", "to", "from",
        "in", "on", "up", "out", "off", "over", "under", "again", "so", "than", "too", "very", "just", "i", "me", "my",
        "myself", "we", "our", "ours", "you", "your", "yours", "he", "him", "his", "she", "her", "it", "its", "they",
        "them", "their", "what", "which", "who", "whom", "this", "that", "these", "those", "am", "is", "are", "was",
        "were", "be", "been", "being", "have", "has", "had", "do", "does", "did", "doing", "would", "should", "could",
        "can", "will", "shall", "may", "might", "must", "im", "ive", "id", "ill", "its", "there", "here", "please",
        "some", "any", "as", "into", "all", "also",
    ]

    /// The list for a BCP 47 language tag; languages without a list get an empty one.
    public static func forLanguage(_ language: String) -> Set<String> {
        language.lowercased().hasPrefix("en") ? english : []
    }
}
