import Testing

@testable import Usher

/// The features each bot language gets (issue 13), and the vectoriser's two ways to them agreeing.
@Suite("Feature extractor")
struct FeatureExtractorTests {
    private func features(_ text: String, _ language: String) -> [FeatureExtractor.RawFeature] {
        FeatureExtractor(language: language).extract(TextNormalizer.normalize(text))
    }

    private func firstWord(_ text: String, _ language: String) -> UInt64 {
        let extractor = FeatureExtractor(language: language)
        let normalized = TextNormalizer.normalize(text)
        let token = normalized.tokens[0]
        var buffer: [UInt8] = []
        return FeatureExtractor.firstWordHash(extractor.wordHash(token, normalized.utf8[token.range], &buffer))
    }

    @Test func russianAndGermanMarkTheWordAMessageStartsWith() {
        #expect(features("удали встречу", "ru").contains { $0.hash == firstWord("удали встречу", "ru") })
        #expect(features("lösche den Termin", "de").contains { $0.hash == firstWord("lösche den Termin", "de") })
        // Only the first word: "встречу" starting a message is another feature than inside one.
        #expect(!features("удали встречу", "ru").contains { $0.hash == firstWord("встречу", "ru") })
        #expect(!features("delete the meeting", "en").contains { $0.hash == firstWord("delete the meeting", "en") })
        #expect(!features("刪除會議", "zh-TW").contains { $0.hash == firstWord("刪除會議", "zh-TW") })
    }

    @Test func russianWordsAlsoGiveTheirStemWithoutAVerbPrefix() {
        let prefixless = Hasher64.tagged(Hasher64.hash(Array("пост".utf8)[...]), tag: 2)
        #expect(features("запости фото", "ru").contains { $0.hash == prefixless && $0.block == .words })
        #expect(!features("запости фото", "en").contains { $0.hash == prefixless })
        #expect(!features("удали фото", "ru").contains { $0.hash == prefixless })
    }

    @Test func germanAndRussianWordsGetFourGramsAsWell() {
        // "<adresse>": 7 3-grams, and in German and Russian 6 4-grams besides.
        #expect(features("adresse", "en").filter { $0.block == .characters }.count == 7)
        #expect(features("adresse", "ru").filter { $0.block == .characters }.count == 13)
        #expect(features("adresse", "de").filter { $0.block == .characters }.count == 13)
        // A compound shares more of its parts' grams, so it meets them more closely.
        let compound = Set(features("rechnungsadresse", "de").map(\.hash))
        let parts = Set(features("adresse der rechnung", "de").map(\.hash))
        let englishCompound = Set(features("rechnungsadresse", "en").map(\.hash))
        let englishParts = Set(features("adresse der rechnung", "en").map(\.hash))
        #expect(compound.intersection(parts).count > englishCompound.intersection(englishParts).count + 5)
    }

    /// Training vectors come from a cache of each word's features, messages' from the extractor:
    /// the two must agree, or the model would score features no example has.
    @Test(arguments: ["en", "ru", "de", "zh-TW"])
    func trainingAndMessageVectorsAgree(language: String) {
        let texts = [
            "удали встречу завтра", "Lösche die Rechnungsadresse", "cancel my order 12", "刪除明天的會議",
            "встречу удали", "order my cancel", "запости фото", "запости ещё фото",
        ]
        var vectorizer = Vectorizer(language: language)
        let table = vectorizer.fit(texts)
        for (row, text) in texts.enumerated() {
            let range = table.range(of: row)
            let fitted = Dictionary(uniqueKeysWithValues: zip(table.ids[range], table.values[range]))
            let vector = vectorizer.vector(TextNormalizer.normalize(text))
            #expect(fitted.count == vector.ids.count, "\(text)")
            for (id, value) in zip(vector.ids, vector.values) {
                #expect(abs((fitted[id] ?? -1) - value) < 1e-5, "\(text)")
            }
        }
    }
}
