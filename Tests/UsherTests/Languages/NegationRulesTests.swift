import Testing

@testable import Usher

/// Which words a negated request covers, per language: requests are negated, statements of a
/// problem are not.
@Suite("Negation rules")
struct NegationRulesTests {
    /// The covered words of every negated request in `text`, read with `language`'s rules.
    func covered(_ text: String, _ language: Language) -> [[String]] {
        let normalized = TextNormalizer.normalize(text)
        return language.negation.scopes(in: normalized, raw: text).map { scope in
            scope.covered.map { normalized.text(of: normalized.tokens[$0]) }
        }
    }

    @Test func englishRequestsAreNegatedUpToTheClauseEnd() {
        #expect(covered("please don't cancel my order", .english) == [["cancel", "my", "order"]])
        #expect(covered("I don't want to talk to a person", .english) == [["talk", "to", "a", "person"]])
        #expect(covered("Do not send it, I want to change the address", .english) == [["send", "it"]])
        #expect(covered("I don't want to cancel I want to change it", .english) == [["cancel"]])
    }

    @Test func englishStatementsAreNotNegatedRequests() {
        #expect(covered("I don't know my password", .english).isEmpty)
        #expect(covered("don't forget to remind me", .english).isEmpty)
        #expect(covered("I want to add money but don't know what you accept", .english).isEmpty)
        #expect(covered("I don't want the item, can I get a refund", .english).isEmpty)
        #expect(covered("my order never arrived", .english).isEmpty)
    }

    @Test func germanNegationsFollowTheVerbOrEndTheClause() {
        #expect(covered("Ich möchte meine Bestellung nicht stornieren", .german) == [["stornieren"]])
        #expect(covered("Bitte storniere meine Bestellung nicht", .german) == [["storniere", "meine", "bestellung"]])
        #expect(covered("Mein Passwort funktioniert nicht", .german).isEmpty)
        #expect(covered("Einloggen mit Google geht nicht mehr", .german).isEmpty)
        #expect(covered("brauche die Jacke nicht mehr, bitte stornieren", .german).isEmpty)
    }

    @Test func russianNeedsAnImperativeOrACarrierWithAVerb() {
        #expect(covered("не отменяйте мой заказ", .russian) == [["отменяите", "мои", "заказ"]])
        #expect(covered("я не хочу отменять заказ", .russian) == [["отменять", "заказ"]])
        #expect(covered("не работает приложение", .russian).isEmpty)
        #expect(covered("Больше ничего не нужно, до свидания", .russian).isEmpty)
    }

    @Test func chineseCuesAreRequestsButNotInsideWords() {
        #expect(covered("不要取消我的訂單", .chinese) == [["取", "消"]])
        #expect(covered("這個特別清單中有什麼", .chinese).isEmpty)
        #expect(covered("請問別人可以幫我領嗎", .chinese).isEmpty)
    }
}
