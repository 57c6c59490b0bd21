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
