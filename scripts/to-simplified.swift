// Rewrites the "text" of each JSON line in Simplified Chinese with ICU's Hant-Hans transform
// (Foundation's `applyingTransform`), for an eval set of what a customer who types Simplified
// writes. evals/desk-zh-Hans.jsonl was made from the held-out evals/desk-zh-TW.jsonl this way:
//
//     swiftc -O scripts/to-simplified.swift -o /tmp/to-simplified
//     /tmp/to-simplified < evals/desk-zh-TW.jsonl > evals/desk-zh-Hans.jsonl
//
// ICU converts character by character, independently of the folding table the normaliser uses
// (scripts/han-variants.swift leaves some characters out of it), so the set measures that table.
import Foundation

while let line = readLine() {
    guard var object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let text = object["text"] as? String
    else {
        print(line)
        continue
    }
    object["text"] = text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? text
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    print(String(decoding: data, as: UTF8.self))
}
