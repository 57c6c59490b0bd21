import Foundation

/// What ``TextNormalizer`` does to each character of the alphabets Usher's customers write in,
/// looked up in a table instead of asked of Unicode's data message after message.
///
/// Folding a Cyrillic, Greek or accented Latin letter means lower-casing it and removing its
/// accents, which Foundation answers by decomposing a one-letter string: about 6,000
/// instructions a letter, and most of the cost of a Russian message (and of loading a Russian
/// bot). The table asks each question once per character, from the same ``TextNormalizer/fold(_:)``,
/// the first time a message needs it, so the answers cannot differ from the slow path.
///
/// It also says which characters NFKC leaves alone and nothing combines with: a message made
/// only of those (and ASCII and Han characters) skips Foundation's NFKC pass too, which would
/// return it unchanged. Anything else (full-width forms, combining accents, other scripts) takes
/// the slow path as before.
struct ScalarFolding: Sendable {
    /// The blocks the table covers: Latin-1 Supplement to Latin Extended-B, Greek and Cyrillic
    /// (with its supplement), Latin Extended Additional and Greek Extended.
    static let ranges: [ClosedRange<UInt32>] = [0x0080...0x024F, 0x0370...0x052F, 0x1E00...0x1FFF]

    /// Per covered scalar, in the order of `ranges`: its folded scalars packed 21 bits each
    /// (up to three), or 0 where NFKC would change it, a mark could combine with it, or it folds
    /// to more than three scalars; such a message takes the slow path.
    private let folds: [UInt64]
    /// Per covered scalar: its role as a folded character, so the builder asks Unicode's
    /// properties nothing on this path either.
    private let roles: [TextNormalizer.ScalarRole]

    static let shared = ScalarFolding()

    private init() {
        var folds: [UInt64] = []
        var roles: [TextNormalizer.ScalarRole] = []
        folds.reserveCapacity(Self.ranges.reduce(0) { $0 + $1.count })
        roles.reserveCapacity(folds.capacity)
        for range in Self.ranges {
            for value in range {
                let scalar = Unicode.Scalar(value)
                folds.append(scalar.map(Self.packedFold) ?? 0)
                roles.append(scalar.map(TextNormalizer.role(of:)) ?? .separator)
            }
        }
        self.folds = folds
        self.roles = roles
    }

    private static func packedFold(_ scalar: Unicode.Scalar) -> UInt64 {
        let single = String(scalar)
        let category = scalar.properties.generalCategory
        guard single.precomposedStringWithCompatibilityMapping == single,
            scalar.properties.canonicalCombiningClass == .notReordered,
            category != .nonspacingMark, category != .spacingMark, category != .enclosingMark
        else { return 0 }
        let folded = TextNormalizer.fold(scalar)
        guard (1...3).contains(folded.count) else { return 0 }
        return folded.enumerated().reduce(0) { $0 | UInt64($1.element.value) << (21 * UInt64($1.offset)) }
    }

    /// The slot of `value` in the tables, or `nil` outside the covered blocks.
    private func slot(_ value: UInt32) -> Int? {
        var offset = 0
        for range in Self.ranges {
            if range.contains(value) { return offset + Int(value - range.lowerBound) }
            offset += range.count
        }
        return nil
    }

    /// The packed fold of `scalar`, or 0 when the table cannot answer for it.
    private func packed(_ value: UInt32) -> UInt64 {
        slot(value).map { folds[$0] } ?? 0
    }

    /// Calls `add` with the folded form of each scalar of `text` and its role, in one pass; returns
    /// false as soon as a scalar needs NFKC or Unicode's data, and the caller then discards what
    /// was added and folds the slow way.
    func fold(_ text: String, into add: (Unicode.Scalar, TextNormalizer.ScalarRole) -> Void) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                add(scalar, .ascii)
            } else if Self.han.contains(where: { $0.contains(value) }) {
                add(HanVariants.traditional(scalar), .character)
            } else {
                var packed = packed(value)
                guard packed != 0 else { return false }
                while packed != 0 {
                    let folded = Unicode.Scalar(UInt32(packed & 0x1F_FFFF))!
                    add(folded, slot(folded.value).map { roles[$0] } ?? TextNormalizer.role(of: folded))
                    packed >>= 21
                }
            }
        }
        return true
    }

    /// CJK Unified Ideographs and their Extension A: stable under NFKC and never combined.
    private static let han: [ClosedRange<UInt32>] = [HanVariants.block, 0x3400...0x4DBF]
}
