import Testing

@testable import Usher

/// Chinese numbers, dates, times and money, inside sentences written without spaces; today is
/// Monday 2026-11-23.
@Suite("Entities in Chinese")
struct ChineseEntityTests {
    @Test(arguments: [
        ("二十五", "25", "二十五"), ("十五", "15", "十五"), ("一百零五", "105", "一百零五"), ("兩萬", "20000", "兩萬"),
        ("三千二百", "3200", "三千二百"), ("我要買三個", "3", "三"), ("訂單12345有問題", "12345", "12345"),
    ])
    func readsNumbers(text: String, value: String, matched: String) {
        #expect(found("number", in: text, language: "zh-TW") == [Pair(value, matched)])
    }

    @Test(arguments: [
        ("money", "３００元", "300 TWD", "３００元"), ("money", "ＮＴ＄３００", "300 TWD", "ＮＴ＄３００"),
        ("time", "下午３點", "15:00", "下午３點"), ("time", "１０：３０", "10:30", "１０：３０"),
        ("date", "３月５日", "2026-03-05", "３月５日"),
    ])
    func readsFullWidthForms(type: String, text: String, value: String, matched: String) {
        #expect(found(type, in: text, language: "zh-TW") == [Pair(value, matched)])
    }

    @Test func aLoneOneIsAWordNotANumber() {
        #expect(found("number", in: "我一直等", language: "zh-TW").isEmpty)
    }

    @Test(arguments: [
        ("我明天去", "2026-11-24", "明天"), ("後天可以嗎", "2026-11-25", "後天"), ("后天", "2026-11-25", "后天"),
        ("昨天買的", "2026-11-22", "昨天"), ("前天", "2026-11-21", "前天"), ("今天", "2026-11-23", "今天"),
        ("星期五到", "2026-11-27", "星期五"), ("下週一", "2026-11-30", "下週一"), ("下星期三", "2026-12-02", "下星期三"),
        ("上週五", "2026-11-20", "上週五"), ("這週五", "2026-11-27", "這週五"), ("禮拜天", "2026-11-29", "禮拜天"),
        ("3天後", "2026-11-26", "3天後"), ("三天后再說", "2026-11-26", "三天后"),
        ("兩個星期後", "2026-12-07", "兩個星期後"), ("一個月前", "2026-10-23", "一個月前"),
        ("我3月5日到", "2026-03-05", "3月5日"), ("2027年3月5日", "2027-03-05", "2027年3月5日"),
        ("三月五號", "2026-03-05", "三月五號"), ("12月1号", "2026-12-01", "12月1号"),
    ])
    func readsDates(text: String, value: String, matched: String) {
        #expect(found("date", in: text, language: "zh-TW") == [Pair(value, matched)])
    }

    /// A day with its marker and no month is the coming such day: "5號", "五日", "十五號".
    @Test(arguments: [
        ("5號", "2026-12-05", "5號"), ("5日", "2026-12-05", "5日"), ("我5號到", "2026-12-05", "5號"),
        ("五日可以嗎", "2026-12-05", "五日"), ("十五號下午", "2026-12-15", "十五號"), ("23号", "2026-11-23", "23号"),
        ("31號", "2026-12-31", "31號"),
    ])
    func readsADayAlone(text: String, value: String, matched: String) {
        #expect(found("date", in: text, language: "zh-TW") == [Pair(value, matched)])
    }

    /// A number with 號 before a room, a line or a gate is a label; 5日元 is money, 5日內 a span's
    /// bound, 5日後 a span.
    @Test(arguments: [("5號房", []), ("3號線", []), ("2號門", []), ("5日元", []), ("5日內", []), ("5日後", ["2026-11-28"])])
    func aNumberedLabelIsNoDay(text: String, dates: [String]) {
        #expect(found("date", in: text, language: "zh-TW").map(\.value) == dates)
    }

    @Test(arguments: [
        ("下午3點", "15:00", "下午3點"), ("晚上八點半", "20:30", "晚上八點半"), ("早上9點30分", "09:30", "早上9點30分"),
        ("明天3點", "03:00", "3點"), ("中午", "12:00", "中午"), ("中午12點", "12:00", "中午12點"),
        ("中午1點", "13:00", "中午1點"), ("15:30", "15:30", "15:30"),
    ])
    func readsTimes(text: String, value: String, matched: String) {
        #expect(found("time", in: text, language: "zh-TW") == [Pair(value, matched)])
    }

    /// A weekday's number names the day and is never read as an hour: the part of the day and
    /// the hour after it make the time, with or without a space, in Traditional and Simplified
    /// writing.
    @Test(arguments: [
        ("星期五下午3點", "2026-11-27 ← 星期五", "15:00 ← 下午3點"), ("週五晚上八點", "2026-11-27 ← 週五", "20:00 ← 晚上八點"),
        ("週三下午3點", "2026-11-25 ← 週三", "15:00 ← 下午3點"), ("週二下午3點", "2026-11-24 ← 週二", "15:00 ← 下午3點"),
        ("星期五 下午3點", "2026-11-27 ← 星期五", "15:00 ← 下午3點"), ("下週五下午3點", "2026-12-04 ← 下週五", "15:00 ← 下午3點"),
        ("上週五晚上8點", "2026-11-20 ← 上週五", "20:00 ← 晚上8點"), ("這週五下午3點", "2026-11-27 ← 這週五", "15:00 ← 下午3點"),
        ("禮拜三早上九點半", "2026-11-25 ← 禮拜三", "09:30 ← 早上九點半"), ("周四中午12點", "2026-11-26 ← 周四", "12:00 ← 中午12點"),
        ("星期日下午3點", "2026-11-29 ← 星期日", "15:00 ← 下午3點"), ("禮拜天晚上八點", "2026-11-29 ← 禮拜天", "20:00 ← 晚上八點"),
        ("星期五下午3点", "2026-11-27 ← 星期五", "15:00 ← 下午3点"), ("下周五下午3点", "2026-12-04 ← 下周五", "15:00 ← 下午3点"),
        ("礼拜六上午10点", "2026-11-28 ← 礼拜六", "10:00 ← 上午10点"), ("下星期二下午兩點", "2026-12-01 ← 下星期二", "14:00 ← 下午兩點"),
    ])
    func aWeekdayIsNoHour(text: String, date: String, time: String) {
        #expect(everything(in: text, language: "zh-TW") == ["date " + date, "time " + time])
    }

    /// The part of the day comes before the hour in Chinese: a number before it is no hour.
    @Test func aNumberBeforeThePartOfTheDayIsNoHour() {
        #expect(found("time", in: "初五下午3點", language: "zh-TW") == [Pair("15:00", "下午3點")])
        #expect(found("time", in: "3點下午", language: "zh-TW") == [Pair("15:00", "3點下午")])
    }

    @Test(arguments: [
        ("NT$300", "300 TWD", "NT$300"), ("300元", "300 TWD", "300元"), ("三百元", "300 TWD", "三百元"),
        ("新台幣300元", "300 TWD", "新台幣300元"), ("花了500塊", "500 TWD", "500塊"), ("20美元", "20 USD", "20美元"),
        ("退我1,200元", "1200 TWD", "1,200元"), ("500元人民幣", "500 CNY", "500元人民幣"),
        ("五百塊美金", "500 USD", "五百塊美金"), ("100港元", "100 HKD", "100港元"), ("两千块人民币", "2000 CNY", "两千块人民币"),
        ("3百元", "300 TWD", "3百元"), ("3千塊", "3000 TWD", "3千塊"), ("三百塊", "300 TWD", "三百塊"),
    ])
    func readsMoney(text: String, value: String, matched: String) {
        #expect(found("money", in: text, language: "zh-TW") == [Pair(value, matched)])
    }
}
