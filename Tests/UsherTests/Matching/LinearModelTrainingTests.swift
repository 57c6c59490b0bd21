import Testing

@testable import Usher

/// Training the linear model in groups of intents on several threads gives the weights of one group.
@Suite("Linear model training in groups")
struct LinearModelTrainingTests {
    /// 30 intents (4 SIMD lanes) of 6 made-up examples each, sharing words across intents.
    static let examples: (texts: [String], intents: [Int32]) = {
        let words = [
            "card", "money", "top", "up", "transfer", "pin", "fee", "account", "refund", "cash", "app", "limit",
        ]
        var texts: [String] = []
        var intents: [Int32] = []
        for intent in 0..<30 {
            for example in 0..<6 {
                let picked = (0..<4).map { words[(intent * 7 + example * 3 + $0 * 5) % words.count] }
                texts.append(
                    "intent\(intent) " + picked.joined(separator: " ") + " \(example % 2 == 0 ? "please" : "now")")
                intents.append(Int32(intent))
            }
        }
        return (texts, intents)
    }()

    static func trained(parts: Int, epochs: Int) -> LinearModel {
        var vectorizer = Vectorizer()
        let vectors = vectorizer.fit(examples.texts)
        var model = LinearModel(featureCount: vectorizer.featureCount, intentCount: 30)
        var parameters = LinearModel.Parameters()
        parameters.maximumEpochs = epochs
        model.train(vectors, intents: examples.intents, parameters: parameters, parts: parts)
        return model
    }

    @Test(arguments: [2, 3, 8])
    func groupsGiveTheSameWeightsToTheBit(parts: Int) {
        for epochs in [5, 50] {
            let whole = Self.trained(parts: 1, epochs: epochs)
            let grouped = Self.trained(parts: parts, epochs: epochs)
            #expect(whole.stride == 32)
            #expect(grouped.weights == whole.weights)
            #expect(grouped.bias == whole.bias)
            // Stopping early is decided by every group's largest step together.
            #expect(grouped.epochsRun == whole.epochsRun)
        }
        #expect(Self.trained(parts: 1, epochs: 50).epochsRun < 50)
    }
}
