import Testing

@testable import Usher

@Suite("Template")
struct TemplateTests {
    @Test func parsesMarkersAndEscapedBraces() throws {
        let template = try Template.parse("Order {order_id} is {{really}} {status}.")
        #expect(
            template.segments == [
                .text("Order "), .slot("order_id"), .text(" is {really} "), .slot("status"), .text("."),
            ])
        #expect(template.slotNames == ["order_id", "status"])
        #expect(template.description == "Order {order_id} is {{really}} {status}.")
    }

    @Test func renderingNeverInterpretsValuesAsMarkers() throws {
        let template = try Template.parse("You said: {text}")
        #expect(template.render(["text": "{order_id} }} {{"]) == "You said: {order_id} }} {{")
        #expect(template.render([:]) == "You said: ")
    }

    @Test func literalTextDropsMarkers() throws {
        #expect(try Template.parse("track order {order_id} now").literalText == "track order   now")
    }

    @Test func patternsSplitIntoWordsWildcardsAndCaptures() throws {
        #expect(
            try Pattern.parseElements("* where * my order {order_id} *") == [
                .wildcard, .words(" where "), .wildcard, .words(" my order "), .capture("order_id"), .wildcard,
            ])
    }
}
