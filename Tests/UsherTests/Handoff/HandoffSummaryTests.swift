import Testing

@testable import Usher

/// What the agent reads first about a customer handed over.
@Suite("HandoffSummary")
struct HandoffSummaryTests {
    /// Improving means the customer now writes something positive; a customer who is a little
    /// less angry, or who turns to a plain "give me an operator", has not calmed down.
    @Test(arguments: [
        ([-0.67, -0.72, -0.44], "steady"), ([-0.76, 0], "steady"), ([-0.6, 0.4], "improving"),
        ([0, -0.5], "worsening"), ([0.1], "steady"), ([], "steady"), ([-0.1, 0.05], "steady"),
    ])
    func theTrendSaysWhetherTheCustomerCalmedDown(scores: [Double], trend: String) {
        #expect(HandoffSummary.trend(scores) == trend)
    }
}
