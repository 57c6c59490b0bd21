import Testing

@testable import Usher

@Suite("Matching parts")
struct MatchingPartsTests {
    @Test func featureTableKeepsIdsAcrossGrowth() {
        var table = FeatureTable(capacity: 4)
        for key in 1...5_000 { #expect(table.insert(UInt64(key) &* 0x9E37_79B9_7F4A_7C15) == (Int32(key - 1), true)) }
        #expect(table.count == 5_000)
        #expect(table.insert(2 &* 0x9E37_79B9_7F4A_7C15) == (1, false))
        #expect(table.id(for: 4_999 &* 0x9E37_79B9_7F4A_7C15) == 4_998)
        #expect(table.id(for: 12_345_678) == nil)
        #expect(table.insert(0) == (5_000, true))
        #expect(table.id(for: 0) == 5_000)
    }

    @Test func nearestExampleAgreesWithBruteForceCosine() {
        var vectorizer = Vectorizer()
        let vectors = vectorizer.fit(ExampleTable(intents: deskBot.intents).learningTexts)
        var table = ExampleTable(intents: deskBot.intents)
        table.index(vectors)
        for message in ["where is my parcel", "refund please", "hello good morning", "订单"] {
            let query = vectorizer.vector(TextNormalizer.normalize(message))
            for intent in deskBot.intents.indices {
                let found = table.nearest(to: query, in: intent)
                let examples = (0..<vectors.count).filter { table.intents[$0] == Int32(intent) }
                let best = examples.map { query.dot(vectors.vector($0)) }.max() ?? 0
                #expect(abs(found.similarity - best) < 1e-5)
            }
        }
    }

    /// Intents of many examples keep their common features as dense columns; the closest example
    /// found through them is the one the postings alone find, with the same similarity to the
    /// bit, on either side of the size from which an intent has columns (32 examples).
    @Test(arguments: [31, 32, 33, 40])
    func denseColumnsFindWhatThePostingsFind(examplesPerIntent: Int) throws {
        let topics = ["parcel", "refund", "пароль"]
        let bot = BotDefinition(
            intents: topics.map { topic in
                IntentDefinition(
                    name: topic,
                    examples: (0..<examplesPerIntent).map { number in
                        Example(
                            template: Template(segments: [
                                .text(
                                    "where is my \(topic) number \(number) please \(number % 3 == 0 ? "today" : "soon")"
                                )
                            ]))
                    })
            })
        var vectorizer = Vectorizer()
        let vectors = vectorizer.fit(ExampleTable(intents: bot.intents).learningTexts)
        var table = ExampleTable(intents: bot.intents)
        table.index(vectors)
        var postingsOnly = ExampleTable(intents: bot.intents)
        postingsOnly.index(vectors, columns: false)
        #expect(postingsOnly.columnCount == 0)
        #expect((table.columnCount > 0) == (examplesPerIntent >= 32))
        for message in ["where is my parcel number 7", "refund 12 today please", "пароль", "soon", "zzz"] {
            let query = vectorizer.vector(TextNormalizer.normalize(message))
            for intent in bot.intents.indices {
                let found = table.nearest(to: query, in: intent)
                let expected = postingsOnly.nearest(to: query, in: intent)
                #expect(found.example == expected.example)
                #expect(found.similarity == expected.similarity)
                let best = table.examples(of: intent).map { query.dot(vectors.vector($0)) }.max() ?? 0
                #expect(abs(found.similarity - best) < 1e-5)
            }
        }
    }

    @Test func vectorsHaveUnitLengthWithoutUnknownWords() {
        var vectorizer = Vectorizer()
        _ = vectorizer.fit(["where is my order", "refund please"])
        let known = vectorizer.vector(TextNormalizer.normalize("where is my order"))
        #expect(abs(known.values.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
        let partly = vectorizer.vector(TextNormalizer.normalize("where is my spaceship xylophone"))
        #expect(partly.values.reduce(0) { $0 + $1 * $1 } < 0.9)
    }

    @Test func linearModelSeparatesItsTrainingExamples() {
        var vectorizer = Vectorizer()
        let texts = ["red apple", "green apple", "blue sky", "grey sky", "fast car", "slow car"]
        let vectors = vectorizer.fit(texts)
        var model = LinearModel(featureCount: vectorizer.featureCount, intentCount: 3)
        model.train(vectors, intents: [0, 0, 1, 1, 2, 2])
        for row in 0..<vectors.count {
            var scores = [Float](repeating: 0, count: 3)
            model.addScores(vectors.vector(row), to: &scores)
            #expect(scores.indices.max { scores[$0] < scores[$1] } == row / 2)
        }
    }

    @Test func shuffleIsDeterministicAndAPermutation() {
        var first = Array(0..<50)
        var second = Array(0..<50)
        var stateA: UInt64 = 7
        var stateB: UInt64 = 7
        LinearModel.shuffle(&first, state: &stateA)
        LinearModel.shuffle(&second, state: &stateB)
        #expect(first == second)
        #expect(first.sorted() == Array(0..<50))
        #expect(first != Array(0..<50))
    }

    @Test func characterGramsMakeTyposShareFeatures() {
        let extractor = FeatureExtractor()
        let order = Set(
            extractor.extract(TextNormalizer.normalize("order")).filter { $0.block == .characters }.map(\.hash))
        let ordr = Set(
            extractor.extract(TextNormalizer.normalize("ordr")).filter { $0.block == .characters }.map(\.hash))
        #expect(order.count == 5)  // <or ord rde der er>
        #expect(order.intersection(ordr).count == 2)  // <or ord
    }
}

@Suite("Matching at scale")
struct MatchingAtScaleTests {
    /// A bot whose intents share every word but one, as large FAQ bots do.
    static let bot = RealisticBot(
        utterances: (0..<40).map { LabelledUtterance(text: "how do I pay my bill number \($0) online", intent: "pay") }
            + (0..<40).map { LabelledUtterance(text: "where can I see my plan \($0) usage", intent: "usage") },
        intents: 300, examplesPerIntent: 6)

    @Test func theCentroidRankingEqualsAFullScanOfEveryIntent() {
        let definition = Self.bot.bot()
        var vectorizer = Vectorizer()
        var table = ExampleTable(intents: definition.intents)
        let vectors = vectorizer.fit(table.learningTexts)
        table.keepRows(vectors)
        let model = CentroidModel(examples: table, featureCount: vectorizer.featureCount)
        for message in Self.bot.messages(50) {
            let vector = vectorizer.vector(TextNormalizer.normalize(message.text))
            let ranked = model.ranked(vector, excluding: [], count: 5)
            let scan = (0..<definition.intents.count).map { (intent: $0, score: model.score(vector, intent: $0)) }
                .sorted { ($0.score, $1.intent) > ($1.score, $0.intent) }
            #expect(ranked.first?.intent == scan.first?.intent, "\(message.text)")
            for entry in ranked { #expect(abs(entry.score - model.score(vector, intent: entry.intent)) < 1e-6) }
        }
    }

    @Test func rowsAndTheIndexFindEquallyCloseExamples() {
        var vectorizer = Vectorizer()
        let vectors = vectorizer.fit(ExampleTable(intents: deskBot.intents).learningTexts)
        var indexed = ExampleTable(intents: deskBot.intents)
        indexed.index(vectors)
        var scanned = ExampleTable(intents: deskBot.intents)
        scanned.keepRows(vectors)
        for message in ["where is my parcel", "refund please", "hello good morning", "订单", "zzz"] {
            let query = vectorizer.vector(TextNormalizer.normalize(message))
            for intent in deskBot.intents.indices {
                // The rows hold half-precision values: three significant digits.
                let a = indexed.nearest(to: query, in: intent)
                let b = scanned.nearest(to: query, in: intent)
                #expect(abs(a.similarity - b.similarity) < 2e-3)
                #expect(a.similarity - 2e-3 <= b.similarity)
            }
        }
    }

    @Test func realisticBotsTellIntentsApartByOneName() {
        let definition = Self.bot.bot()
        #expect(definition.intents.count == 300)
        #expect(Set(definition.intents.map(\.name)).count == 300)
        let matcher = Matcher(bot: definition, model: .centroid)
        let messages = Self.bot.messages(200)
        let correct = messages.filter { matcher.match($0.text).intent == $0.intent }.count
        #expect(correct >= 190, "\(correct) of 200")
        #expect(Self.bot.messages(10).map(\.text) == Self.bot.messages(10).map(\.text))
    }

    @Test(arguments: [0, 1, 2, 15, 16, 17, 100, 5_000])
    func integerSortAgreesWithTheStandardSort(count: Int) {
        var random = SeededRandom(seed: UInt64(count))
        var values = (0..<count).map { _ in random.next() % UInt64(max(1, count / 3)) }
        let expected = values.sorted()
        values.sortIntegers()
        #expect(values == expected)
        var descending = Array((0..<UInt64(count)).reversed())
        descending.sortIntegers()
        #expect(descending == Array(0..<UInt64(count)))
    }

    @Test func theAccumulatorSumsPerIntent() {
        var sums = IntentAccumulator(capacity: 3)
        for intent: Int32 in [5, 900, 5, 17, 900, 5] { sums.add(1, to: intent) }
        #expect(sums.entries.sorted { $0.intent < $1.intent }.map(\.sum) == [3, 1, 2])
    }
}
