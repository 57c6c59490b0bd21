/// A value an intent needs or can use, filled from an entity in the customer's messages.
///
/// Required slots make the intent a form: the bot asks for each missing one with its `prompt`,
/// and asks again with its `reprompt` when an answer holds no value of the right type.
public struct SlotDefinition: Sendable {
    public var name: String
    /// The entity type that fills it: built-in (`date`, `money`, …), one the bot defines, or
    /// ``freeText``.
    public var entity: String

    /// The type of a slot that takes the customer's whole answer (a claim's description), and
    /// only when it is the slot being asked for: never from a message said for something else.
    public static let freeText = "text"

    public var isFreeText: Bool { entity == Self.freeText }
    public var required: Bool
    public var prompt: Template?
    public var reprompt: Template?
    /// Whether the value outlives its form. A form's values are cleared when the form begins
    /// again, so a second claim never reuses the first one's date; a value that stays true of
    /// the customer (a policy number) is declared to persist.
    public var persist: Bool
    /// What the value must be besides its type; `nil` accepts any value of the type.
    public var validation: SlotValidation?
    public var origin: DefinitionOrigin

    public init(
        name: String, entity: String, required: Bool = false, prompt: Template? = nil, reprompt: Template? = nil,
        persist: Bool = false, validation: SlotValidation? = nil,
        origin: DefinitionOrigin = DefinitionOrigin(file: "", path: "", location: nil)
    ) {
        self.name = name
        self.entity = entity
        self.required = required
        self.prompt = prompt
        self.reprompt = reprompt
        self.persist = persist
        self.validation = validation
        self.origin = origin
    }
}

/// How an intent uses conversation contexts: the follow-up machinery ("yes" after a question).
///
/// An intent that `require`s contexts can only match while all of them are active; an intent
/// that matches `set`s contexts for a number of turns and `clear`s others.
public struct ContextRules: Sendable, Equatable {
    public var require: [String]
    /// Context names and their lifespans in turns, in the order written.
    public var set: [ContextLifespan]
    public var clear: [String]

    public init(require: [String] = [], set: [ContextLifespan] = [], clear: [String] = []) {
        self.require = require
        self.set = set
        self.clear = clear
    }
}

/// A context an intent sets, and for how many of the customer's turns it stays active.
public struct ContextLifespan: Sendable, Equatable {
    public var name: String
    public var turns: Int

    public init(name: String, turns: Int) {
        self.name = name
        self.turns = turns
    }
}
