import Foundation
import Testing

@testable import Usher

@Suite("HanVariants")
struct HanVariantsTests {
    @Test(arguments: [
        ("我的订单在哪", "我的訂單在哪"),
        ("这个发票怎么开", "這個發票怎麼開"),
        ("帮我查一下账户，谢谢", "幫我查一下賬戶，謝謝"),
        ("银行卡被盗了，请马上冻结", "銀行卡被盜了，請馬上凍結"),
    ])
    func simplifiedAndTraditionalReadAlike(simplified: String, traditional: String) {
        #expect(TextNormalizer.normalize(simplified).words == TextNormalizer.normalize(traditional).words)
        #expect(
            TextNormalizer.normalize(simplified).words.joined()
                == traditional.filter { $0 != "，" }.map(String.init).joined())
    }

    /// Characters Traditional Chinese writes with a meaning of their own are never folded into
    /// another: 宿舍 is not 宿捨, 佣金 not 傭金, 皇后 not 皇後.
    @Test func charactersTraditionalAlsoUsesAreKeptApart() {
        for scalar in "后干斗范朴舍于占几佣杰挽厘采征叶涂".unicodeScalars {
            #expect(HanVariants.traditional(scalar) == scalar, "\(scalar)")
        }
        #expect(TextNormalizer.normalize("宿舍佣金皇后").words.joined() == "宿舍佣金皇后")
    }

    /// A Traditional character is never folded again: the table has no chains, so examples and
    /// messages that were folded once agree.
    @Test func foldingTwiceIsFoldingOnce() {
        for value in HanVariants.block {
            let scalar = Unicode.Scalar(value)!
            let once = HanVariants.traditional(scalar)
            #expect(HanVariants.traditional(once) == once, "\(scalar) → \(once)")
        }
    }

    @Test func charactersOutsideTheTableAreUnchanged() {
        for scalar in "a9яß。、訂單ｶ".unicodeScalars {
            #expect(HanVariants.traditional(scalar) == scalar)
        }
    }

    /// Real Traditional text, MASSIVE's zh-TW utterances (11,000 lines written in Taiwan), reads
    /// exactly as written: folding only ever touches Simplified-only characters. The one
    /// exception is 复, a Simplified character its translators typed in 回复 ("reply"; Traditional
    /// 回覆), which is folded as Simplified.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: massiveTraditional.path), "needs ../shared/data"))
    func traditionalTextIsUnchanged() throws {
        let text = try String(contentsOf: Self.massiveTraditional, encoding: .utf8)
        var changed: Set<String> = []
        for scalar in text.unicodeScalars where HanVariants.traditional(scalar) != scalar && scalar != "复" {
            changed.insert(String(scalar))
        }
        #expect(changed.isEmpty, "folded: \(changed.sorted().joined())")
    }

    private static let massiveTraditional = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/massive/zh-TW.jsonl")
}
