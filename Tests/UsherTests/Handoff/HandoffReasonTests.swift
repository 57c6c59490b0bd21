import Foundation
import Testing

@testable import Usher

@Suite("HandoffReason")
struct HandoffReasonTests {
    static let reasons: [(HandoffReason, code: String, description: String, json: String)] = [
        (.intent("talk_to_human"), "intent", "intent talk_to_human", #"{"code":"intent","intent":"talk_to_human"}"#),
        (.keyword("lawyer"), "keyword", #"keyword "lawyer""#, #"{"code":"keyword","keyword":"lawyer"}"#),
        (
            .formFailed(form: "file_claim", answers: 3), "form_failed",
            "form file_claim failed: 3 answers it could not read",
            #"{"answers":3,"code":"form_failed","form":"file_claim"}"#
        ),
        (.fallbacks(2), "fallbacks", "2 fallbacks in a row", #"{"code":"fallbacks","count":2}"#),
        (
            .sentiment(mean: -0.4166, turns: 3), "sentiment", "negative sentiment (-0.42 over the last 3 turns)",
            #"{"code":"sentiment","mean":-0.4166,"turns":3}"#
        ),
        (
            .sentiment(mean: -0.5, turns: 1), "sentiment", "negative sentiment (-0.5 over the last 1 turn)",
            #"{"code":"sentiment","mean":-0.5,"turns":1}"#
        ),
    ]

    @Test(arguments: reasons)
    func codeDescriptionAndStoredForm(
        reason: HandoffReason, code: String, description: String, json: String
    ) throws {
        #expect(reason.code == code)
        #expect(reason.description == description)
        #expect("\(reason)" == description)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(reason), as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(HandoffReason.self, from: Data(json.utf8)) == reason)
    }

    @Test func everyCodeIsListed() {
        #expect(Set(Self.reasons.map(\.code)) == Set(HandoffReason.codes))
    }

    @Test(arguments: [
        (
            #"{"code":"wizard","intent":"x"}"#,
            "unknown handoff reason code \"wizard\"; the codes are intent, keyword, form_failed, fallbacks, sentiment"
        ),
        (#"{"code":"intent","intent":"x","keyword":"y"}"#, "unexpected key \"keyword\" in a \"intent\" handoff reason"),
        (#"{"code":"intent","intent":""}"#, "\"intent\" must not be empty"),
        (#"{"code":"fallbacks","count":0}"#, "\"count\" must be at least 1"),
        (#"{"code":"form_failed","form":"f","answers":-1}"#, "\"answers\" must be at least 1"),
        (#"{"code":"sentiment","mean":-3,"turns":2}"#, "\"mean\" must be a finite number in [-1, 1]"),
    ])
    func badStoredFormsAreRefused(json: String, message: String) {
        #expect {
            try JSONDecoder().decode(HandoffReason.self, from: Data(json.utf8))
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription == message
        }
    }

    @Test(arguments: [#"{"intent":"x"}"#, #"{"code":"keyword"}"#, #"{"code":"fallbacks","count":"2"}"#])
    func missingOrMistypedValuesAreRefused(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(HandoffReason.self, from: Data(json.utf8))
        }
    }
}
