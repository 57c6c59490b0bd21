/// Suggestions for misspelt names, by edit distance.
public enum Spelling {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= limit else { return nil }
        return best.0
    }

    /// The name among a few (an intent's slots) that `word` most likely misspells or cuts
    /// short: the closest by ``closest(to:among:)``, else the one that begins as it does for
    /// longest, at least four letters and half of it, case and separators aside (`order_nr` and
    /// `order_no` are `order_number`).
    public static func closestName(to word: String, among candidates: [String]) -> String? {
        if let close = closest(to: word, among: candidates) { return close }
        let key = nameKey(word)
        let scored = candidates.map { candidate in
            (candidate, zip(key, nameKey(candidate)).prefix { $0 == $1 }.count)
        }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 4, best.1 * 2 >= key.count,
            scored.filter({ $0.1 == best.1 }).count == 1
        else { return nil }
        return best.0
    }

    private static func nameKey(_ name: String) -> [Character] {
        Array(name.lowercased().filter { $0 != "_" && $0 != "-" })
    }

    /// The edit distance between two strings, by characters, where swapping two neighbours
    /// counts as one edit ("sya" is one edit from "say"): optimal string alignment.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var rows = [Array(0...b.count)]
        for i in a.indices {
            var current = [i + 1]
            for j in b.indices {
                let cost = a[i] == b[j] ? 0 : 1
                var best = Swift.min(rows[i][j + 1] + 1, current[j] + 1, rows[i][j] + cost)
                if i > 0, j > 0, a[i] == b[j - 1], a[i - 1] == b[j] { best = Swift.min(best, rows[i - 1][j - 1] + 1) }
                current.append(best)
            }
            rows.append(current)
        }
        return rows[a.count][b.count]
    }
}
