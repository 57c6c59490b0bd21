/// One thing a customer may want, with the sentences and rules that recognise it and the replies.
public struct IntentDefinition: Sendable {
    public var name: String
    public var examples: [Example]
    public var patterns: [Pattern]
    public var responses: [Template]
    /// The slots it fills, in the order written (required ones are asked in this order).
    public var slots: [SlotDefinition]
    public var contexts: ContextRules
    /// Whether its form, when another intent interrupts it, is taken up again afterwards.
    public var resume: Bool
    /// Whether it ends the conversation ("bye"): forms left open are dropped rather than asked
    /// again after its reply, so the replies agree.
    public var endsConversation = false
    /// The queue a handoff from inside this intent's form goes to (a keyword, fallbacks, anger,
    /// or the form failing); the general queue when `nil`.
    public var handoffQueue: String?
    /// When set, its form reads back the values and waits for a yes before it completes.
    public var confirmation: FormConfirmation?
    /// When set, the intent (its form, once complete) calls the business's systems and answers
    /// from the result.
    public var action: ActionDefinition?
    /// When set, matching this intent hands the customer to a person.
    public var handoff: IntentHandoff?
    /// What an agent taking over from this intent should do next, shown in the handoff summary.
    public var nextSteps: [String]
    public var origin: DefinitionOrigin
    /// Where each text it says (responses, slots' questions, the read-back, the action's
    /// replies) was written, by JSON path: an error about one names that text's line.
    var textOrigins: [String: DefinitionOrigin] = [:]

    public init(
        name: String, examples: [Example], patterns: [Pattern] = [], responses: [Template] = [],
        slots: [SlotDefinition] = [], contexts: ContextRules = ContextRules(), resume: Bool = true,
        handoff: IntentHandoff? = nil, nextSteps: [String] = [],
        origin: DefinitionOrigin = DefinitionOrigin(file: "", path: "", location: nil)
    ) {
        self.name = name
        self.examples = examples
        self.patterns = patterns
        self.responses = responses
        self.slots = slots
        self.contexts = contexts
        self.resume = resume
        self.handoff = handoff
        self.nextSteps = nextSteps
        self.origin = origin
    }

    /// The slot with this name, if the intent has one.
    public func slot(named name: String) -> SlotDefinition? {
        slots.first { $0.name == name }
    }
}

/// A sentence a customer might write for an intent; `{name}` marks where a slot value stands.
public struct Example: Sendable {
    public var template: Template
    public var origin: DefinitionOrigin

    public init(template: Template, origin: DefinitionOrigin = DefinitionOrigin(file: "", path: "", location: nil)) {
        self.template = template
        self.origin = origin
    }

    /// An example with no markers, for code that builds bots.
    public init(_ text: String) {
        self.init(template: (try? Template.parse(text)) ?? Template(segments: [.text(text)]))
    }

    /// The example as the author wrote it.
    public var text: String { template.description }
}

/// An exact rule: words that must appear in order, where `*` stands for any words (or none)
/// and `{name}` captures one or more words as a slot value.
public struct Pattern: Sendable {
    public var source: String
    public var origin: DefinitionOrigin

    public init(_ source: String, origin: DefinitionOrigin = DefinitionOrigin(file: "", path: "", location: nil)) {
        self.source = source
        self.origin = origin
    }
}
