/// How a waiting customer left the queue before an agent took them: what `usher stats` splits
/// queue abandonment by, and what the contact centre's ``CentreEvent/abandoned(ticket:exit:at:)``
/// records.
public enum QueueExit: String, Sendable, Equatable, CaseIterable {
    /// They said goodbye while waiting ("bye", "tschüss", "пока", "再見").
    case goodbye
    /// They asked to stop waiting ("never mind", "I'll call back later").
    case asked
    /// The integrating program said they left (`queue.leave`: they closed the chat window);
    /// `usher chat`'s `/leave`.
    case request
    /// They wrote nothing for longer than the bot's `queue_idle_seconds`; the sweep took them out.
    case idle
}
