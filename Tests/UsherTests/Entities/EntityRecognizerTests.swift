import Testing

@testable import Usher

@Suite("EntityRecognizer")
struct EntityRecognizerTests {
    let recognizer = try! EntityRecognizer(custom: [
        "policy_number": .regex("\\b\\d{8}\\b"),
        "account": .regex("\\b\\d{10}\\b"),
        "area_code": .regex("\\b\\d{3}\\b"),
        "device": .values(["router": ["wifi box", "modem"]]),
    ])

    private func found(_ text: String, _ recognizer: EntityRecognizer? = nil) -> [String] {
        let matches = (recognizer ?? self.recognizer).entities(in: text, context: mondayContext)
        for match in matches {
            #expect(slice(text, match.range) == match.text)
        }
        return matches.map { "\($0.type)=\($0.value)" }
    }

    @Test func longerMatchesWinAndComeOutInTextOrder() {
        let text = "Pay $49.99 on 3 March at 3:30 pm, or mail Bob@Example.com about my modem"
        #expect(
            found(text) == [
                "money=49.99 USD", "date=2026-03-03", "time=15:30", "email=bob@example.com", "device=router",
            ])
    }

    @Test(arguments: [
        ("2026-03-03", ["date=2026-03-03"]), ("03.03.2026", ["date=2026-03-03"]),
        ("call +1 800 555 0199", ["phone=+18005550199"]), ("in 3 days", ["date=2026-11-26"]),
        ("twenty dollars", ["money=20 USD"]), ("at 9", ["number=9"]), ("AB123456", []),
        ("order AB123456 for 2", ["number=2"]), ("3pm tomorrow", ["time=15:00", "date=2026-11-24"]),
        ("2 tickets for March 5", ["number=2", "date=2026-03-05"]),
    ])
    func resolvesBuiltInOverlaps(text: String, expected: [String]) {
        #expect(found(text, try! EntityRecognizer(custom: [:])) == expected)
    }

    @Test func aBotsOwnTypeWinsOnEqualLength() {
        #expect(found("policy 12345678") == ["policy_number=12345678"])
        #expect(found("account 0123456789") == ["account=0123456789"])
        #expect(found("account 0123456789", try! EntityRecognizer()) == ["phone=0123456789"])
    }

    @Test func aLongerBuiltInMatchWinsOverABotsOwnType() {
        #expect(found("call (800) 555-0199") == ["phone=8005550199"])
        #expect(found("area 800") == ["area_code=800"])
    }

    @Test func aCustomTypeNamedLikeABuiltInOneReplacesIt() throws {
        let recognizer = try EntityRecognizer(custom: ["number": .values(["1": ["uno"]])])
        #expect(found("uno or 3", recognizer) == ["number=1"])
        #expect(recognizer.knows("number"))
    }

    @Test func fillsOneSlotWithoutTakingPartsOfOtherEntities() {
        let text = "2 tickets for March 5 and 0123456789"
        let numbers = recognizer.entities(of: "number", in: text, context: mondayContext)
        #expect(numbers.map(\.value) == ["2", "123456789"])
        #expect(recognizer.entities(of: "account", in: text, context: mondayContext).map(\.value) == ["0123456789"])
        #expect(recognizer.entities(of: "date", in: text, context: mondayContext).map(\.value) == ["2026-03-05"])
        let plain = try! EntityRecognizer()
        #expect(plain.entities(of: "number", in: text, context: mondayContext).map(\.value) == ["2", "123456789"])
        #expect(plain.entities(of: "phone", in: text, context: mondayContext).map(\.value) == ["0123456789"])
        #expect(recognizer.entities(of: "colour", in: text, context: mondayContext) == [])
    }

    @Test func knowsBuiltInAndCustomTypes() {
        #expect(EntityRecognizer.builtInTypes == ["number", "money", "date", "time", "email", "phone"])
        #expect(EntityRecognizer.builtInTypes.allSatisfy(recognizer.knows))
        #expect(recognizer.knows("device") && recognizer.knows("policy_number"))
        #expect(!recognizer.knows("colour"))
    }

    @Test(
        arguments: [
            (
                ["b": .regex("(x"), "a": .regex("[")],
                EntityDefinitionError(
                    type: "a", message: "invalid regular expression: \"[\": unclosed '[' at character 2")
            ),
            (
                ["device": .values(["router": [""]])],
                EntityDefinitionError(type: "device", message: "empty synonym for \"router\"")
            ),
            (["": .regex("x")], EntityDefinitionError(type: "", message: "empty entity type name")),
        ] as [([String: EntityDefinition], EntityDefinitionError)])
    func reportsTheFirstBadDefinition(custom: [String: EntityDefinition], error: EntityDefinitionError) {
        #expect(throws: error) { try EntityRecognizer(custom: custom) }
    }

    @Test func describesErrorsWithTheirType() {
        let error = EntityDefinitionError(type: "device", message: "empty value")
        #expect(error.description == "entity \"device\": empty value")
    }
}
