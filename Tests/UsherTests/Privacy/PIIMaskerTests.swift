import Testing

@testable import Usher

@Suite("PIIMasker")
struct PIIMaskerTests {
    let masker = PIIMasker()

    @Test(arguments: [
        ("Card 4111 1111 1111 1111, thanks", "Card **** **** **** 1111, thanks"),
        ("4111-1111-1111-1111", "**** **** **** 1111"), ("4111111111111111", "**** **** **** 1111"),
        ("amex 3782 822463 10005", "amex **** **** **** 0005"), ("4222222222222", "**** **** **** 2222"),
        ("5555 5555 5555 4444.", "**** **** **** 4444."),
        ("4111 1111 1111 1111 123", "**** **** **** 1111 123"),
        ("4111-1111-1111-1111-123", "**** **** **** 1111-123"),
        ("order 1234 4111 1111 1111 1111 ok", "order 1234 **** **** **** 1111 ok"),
        ("IMEI 490154203237518", "IMEI **** **** **** 7518"),
    ])
    func masksCardNumbersKeepingTheLastFourDigits(text: String, masked: String) {
        #expect(masker.mask(text) == masked)
    }

    @Test(arguments: [
        "4111 1111 1111 1112", "1234567890123456", "12345678901234567890", "4111111111111111.50",
        "4111_1111_1111_1111", "AB4111111111111111", "+4111111111111111 0",
    ])
    func leavesNumbersFailingTheCardRulesAlone(text: String) {
        #expect(masker.mask(text) == text)
    }

    @Test(arguments: [
        ("Write to John.Doe+tag@Example.co.uk.", "Write to [email]."),
        ("hello john@example.com", "hello [email]"), ("<a@b.io>", "<[email]>"),
        ("ann@example.com, bob@mail.example.org", "[email], [email]"),
        ("5551234567@txt.att.net", "[email]"), ("+15550199@sms.example.com", "[email]"),
        ("call 555 0199@x.com", "call 555 [email]"),
    ])
    func masksEmailAddressesWhole(text: String, masked: String) {
        #expect(masker.mask(text) == masked)
    }

    @Test(arguments: ["user@localhost", "@example.com", "name@example.c", "a@@b.com", "@@@", "josé@example.com"])
    func leavesWhatIsNotAnAddressAlone(text: String) {
        #expect(masker.mask(text) == text)
    }

    @Test(arguments: [
        ("call +1 800 555 0199 now", "call [phone] now"), ("(555) 123-4567", "[phone]"),
        ("555-123-4567", "[phone]"), ("07911 123456", "[phone]"), ("+447911123456", "[phone]"),
        ("+44 (0)20 7946 0958", "[phone]"), ("800.555.0199", "[phone]"), ("+33 1 23 45 67 89", "[phone]"),
        ("tel. 030 1234567", "tel. [phone]"), ("0800 123 456", "[phone]"), ("555-0199.", "[phone]."),
        ("+49 30 123456", "[phone]"), ("ZIP 12345-6789", "ZIP [phone]"),
    ])
    func masksPhoneNumbers(text: String, masked: String) {
        #expect(masker.mask(text) == masked)
    }

    @Test(arguments: [
        "2026-11-30", "30.11.2026", "2026-03-03 15:30", "2019-2026", "$1,234.56", "€1 234 567", "1 234 567 €",
        "1.234.567", "15:30", "10.30", "3 items", "AB123456", "order 12345678", "07911123456", "version 2.0.1",
        "192.168.1.1", "ISBN 978-3-16-148410-0", "RE-2026-001234", "+123456", "2026 - 03 - 03 - 2026",
        "Order #AB123456 shipped 2026-11-30 at 15:30, total $1,234.56",
        "Rechnung RE-2026-001234 vom 30.11.2026 über 1.234,56 €",
    ])
    func leavesDatesTimesMoneyAndOrderNumbersAlone(text: String) {
        #expect(masker.mask(text) == text)
    }

    @Test(arguments: [
        ("DE89 3704 0044 0532 0130 00", "[iban]"), ("GB82 WEST 1234 5698 7654 32 thanks", "[iban] thanks"),
        ("NL91ABNA0417164300.", "[iban]."), ("de89370400440532013000", "[iban]"), ("NO93 8601 1117 947", "[iban]"),
        ("FR14 2004 1010 0505 0001 3M02 606", "[iban]"),
    ])
    func masksIBANs(text: String, masked: String) {
        #expect(masker.mask(text) == masked)
    }

    @Test(arguments: [
        "DE89 3704 0044 0532 0130 02", "DE89 3704 0044 0532 0130 0", "DE89370400440532013000123",
        "XDE89370400440532013000", "DE89 37040044 0532 0130 00",
    ])
    func leavesAccountNumbersFailingTheIBANRulesAlone(text: String) {
        #expect(masker.mask(text) == text)
    }

    @Test(arguments: [
        (
            "Card 4111 1111 1111 1111, mail ann@example.com, call +1 800 555 0199, IBAN DE89 3704 0044 0532 0130 00.",
            "Card **** **** **** 1111, mail [email], call [phone], IBAN [iban]."
        ),
        (
            "Позвоните +7 912 345-67-89, почта ivan@example.ru, карта 5555 5555 5555 4444.",
            "Позвоните [phone], почта [email], карта **** **** **** 4444."
        ),
        (
            "Bitte überweisen Sie auf DE89 3704 0044 0532 0130 00 bis zum 30.11.2026 über 1.234,56 €, Tel. 030 1234567.",
            "Bitte überweisen Sie auf [iban] bis zum 30.11.2026 über 1.234,56 €, Tel. [phone]."
        ),
        ("电话 +86 138 0013 8000 邮箱 wang@example.cn，卡号4111111111111111。", "电话 [phone] 邮箱 [email]，卡号4111111111111111。"),
        ("电话：+86 138 0013 8000，卡号：4111111111111111。", "电话：[phone]，卡号：**** **** **** 1111。"),
    ])
    func masksSeveralKindsInUnicodeText(text: String, masked: String) {
        #expect(masker.mask(text) == masked)
        #expect(masker.mask(masked) == masked)
    }

    @Test(arguments: ["Hello, how are you?", "Привет! Wie geht's? 你好。", "no digits, no at-sign"])
    func returnsTextWithNothingToMaskAsItIs(text: String) {
        let long = String(repeating: text, count: 200)
        let masked = masker.mask(long)
        #expect(masked == long)
        #expect(Self.storage(of: masked) == Self.storage(of: long))
    }

    @Test func returnsTextWhoseNumbersAreNotPersonalAsItIs() {
        let long = String(repeating: "Order AB123456 of 30.11.2026 costs $1,234.56 at 15:30. ", count: 100)
        #expect(Self.storage(of: masker.mask(long)) == Self.storage(of: long))
    }

    /// Where a string's bytes live: the same address means no copy was made.
    private static func storage(of text: String) -> UInt? {
        text.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } ?? nil
    }
}
