import Testing

@testable import Usher

@Suite("TimeExtractor")
struct TimeExtractorTests {
    let times = TimeExtractor()

    @Test(arguments: [
        ("at 3pm", "15:00", "3pm"), ("3 pm", "15:00", "3 pm"), ("3:30 pm", "15:30", "3:30 pm"),
        ("3:30PM", "15:30", "3:30PM"), ("15:30", "15:30", "15:30"), ("9:05", "09:05", "9:05"),
        ("noon", "12:00", "noon"), ("at midnight", "00:00", "midnight"), ("midday", "12:00", "midday"),
        ("12 noon", "12:00", "12 noon"), ("12am", "00:00", "12am"), ("12pm", "12:00", "12pm"),
        ("9 a.m.", "09:00", "9 a.m."), ("9 p.m", "21:00", "9 p.m"), ("3.30pm", "15:30", "3.30pm"),
        ("15:30:10", "15:30", "15:30:10"), ("00:00", "00:00", "00:00"), ("23:59", "23:59", "23:59"),
        ("11 AM", "11:00", "11 AM"), ("15:30 pm", "15:30", "15:30"),
        ("8 in the evening", "20:00", "8 in the evening"), ("9 in the morning", "09:00", "9 in the morning"),
        ("8 o'clock at night", "20:00", "8 o'clock at night"),
        ("3 o’clock in the afternoon", "15:00", "3 o’clock in the afternoon"),
        ("20 o'clock", "20:00", "20 o'clock"), ("7 oclock in the evening", "19:00", "7 oclock in the evening"),
    ])
    func readsTimesOfDay(text: String, value: String, matched: String) {
        let matches = times.extract(from: text, context: mondayContext)
        #expect(matches.map(\.value) == [value])
        #expect(matches.map(\.text) == [matched])
        #expect(matches.allSatisfy { slice(text, $0.range) == $0.text })
    }

    @Test(arguments: [
        "at 9", "9", "13pm", "0am", "25:00", "24:00", "10:75", "3.30", "1:2", "1:2:3:4", "ab10:30", "10:30:00:00",
        "I am here", "pm", "3.5pm", "at 8 o'clock", "8 o'clock", "in the evening", "13 in the evening",
    ])
    func ignoresWhatIsNotClearlyATime(text: String) {
        #expect(times.values(in: text) == [])
    }
}
