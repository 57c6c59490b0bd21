/// What a turn did to a form, for the funnel a support lead reads: how many forms started, how
/// many were completed, cancelled or given up, and at which slot customers are asked again.
public struct FormEvent: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// The form's first question was asked (or it was filled whole from one message).
        case started
        /// A slot's question was asked again: the answer held no value of its type.
        case reprompted
        /// Every required slot was filled and the intent answered.
        case completed
        /// The customer cancelled it.
        case cancelled
        /// Too many answers it could not read: the customer was handed to a person.
        case failed
        /// Left unfinished for something else: a handoff, or an interruption it does not resume after.
        case dropped
    }

    public var form: String
    public var kind: Kind
    /// The slot concerned: the one asked first (`started`), again (`reprompted`), or still
    /// missing when the form ended unfinished.
    public var slot: String?

    public init(form: String, kind: Kind, slot: String? = nil) {
        self.form = form
        self.kind = kind
        self.slot = slot
    }
}

extension TurnBuilder {
    /// The form events of this turn, from the forms open before and after it.
    func formEvents(before: [FormProgress]) -> [FormEvent] {
        var events: [FormEvent] = []
        let after = session.forms
        for form in after where !before.contains(where: { $0.intent == form.intent }) {
            events.append(FormEvent(form: form.intent, kind: .started, slot: form.pendingSlot))
        }
        for name in completedForms where !before.contains(where: { $0.intent == name }) {
            events.append(FormEvent(form: name, kind: .started))
        }
        for form in before {
            if let now = after.first(where: { $0.intent == form.intent }) {
                if now.reprompts > form.reprompts && now.pendingSlot == form.pendingSlot {
                    events.append(FormEvent(form: form.intent, kind: .reprompted, slot: now.pendingSlot))
                }
                continue
            }
            let kind: FormEvent.Kind =
                completedForms.contains(form.intent)
                ? .completed
                : failedForm == form.intent ? .failed : intent == TurnBuilder.cancelIntent ? .cancelled : .dropped
            events.append(FormEvent(form: form.intent, kind: kind, slot: kind == .completed ? nil : form.pendingSlot))
        }
        for name in completedForms where !before.contains(where: { $0.intent == name }) {
            events.append(FormEvent(form: name, kind: .completed))
        }
        return events
    }
}
