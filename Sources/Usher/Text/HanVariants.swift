/// Simplified Chinese characters read as their Traditional forms, so that a customer who types
/// Simplified ("我的订单在哪") meets a bot written in Traditional ("我的訂單在哪") and the other way
/// round: the normaliser folds every message and every example alike.
///
/// The pairs come from ICU's Hans-Hant transform, generated once by `scripts/han-variants.swift`.
/// Characters that Traditional Chinese also writes with a meaning of their own (后 in 皇后, 干 in
/// 干擾, 舍 in 宿舍, 佣 in 佣金) are left out, so folding never merges two Traditional words;
/// where one Simplified character stands for several Traditional ones (发 for 發 and 髮) it takes
/// the commoner, so 头发 reads 頭發, not 頭髮: a miss, never a false match.
///
/// ```swift
/// HanVariants.traditional("订")  // "訂"
/// HanVariants.traditional("訂")  // "訂"
/// ```
public enum HanVariants {
    /// The block the table covers: CJK Unified Ideographs.
    static let block: ClosedRange<UInt32> = 0x4E00...0x9FFF

    /// `scalar`'s Traditional form; any other character as it is.
    public static func traditional(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard block.contains(scalar.value) else { return scalar }
        let folded = table[Int(scalar.value - block.lowerBound)]
        return folded == 0 ? scalar : Unicode.Scalar(folded)!
    }

    /// One slot per character of the block, 0 where it folds to itself: a look-up is one index,
    /// with no hashing, on every Han character of every message.
    private static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: block.count)
        var simplified: Unicode.Scalar?
        for scalar in pairs.unicodeScalars where scalar != "\n" {
            if let from = simplified {
                table[Int(from.value - block.lowerBound)] = scalar.value
                simplified = nil
            } else {
                simplified = scalar
            }
        }
        return table
    }()
}
