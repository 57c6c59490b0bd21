@testable import Usher

/// A bot with a form, a follow-up context and custom entities, for dialog tests.
let claimBotJSON = """
    {
      "settings": {"max_reprompts": 1, "session_ttl": 600,
                   "handoff": {"queues": ["general", "claims"], "keywords": ["lawyer", "formal complaint"]}},
      "entities": {
        "policy_number": {"regex": "PN-[0-9]{6}"},
        "product": {"values": {"router": ["modem", "wifi box"], "phone": ["mobile", "handset"]}}
      },
      "intents": [
        {"name": "file_claim",
         "examples": ["I want to file a claim", "my {product} was stolen, policy {policy_number}", "report a damaged product",
                      "I need to make an insurance claim", "claim for a broken phone"],
         "slots": {
           "policy_number": {"entity": "policy_number", "required": true, "prompt": "What is your policy number?",
                             "reprompt": "A policy number looks like PN-123456. What is yours?"},
           "incident_date": {"entity": "date", "required": true, "prompt": "When did it happen?"},
           "product": {"entity": "product"}
         },
         "responses": ["Thanks. Claim for policy {policy_number}, incident on {incident_date}, is filed."]},
        {"name": "opening_hours", "examples": ["when are you open", "what are your opening hours", "are you open on sunday",
                                               "opening times please"],
         "responses": ["We are open 8am to 8pm."]},
        {"name": "cancel_order", "examples": ["cancel my order", "I want to cancel an order", "please cancel the order",
                                              "stop my order from shipping"],
         "responses": ["Do you really want to cancel? Yes or no?"], "contexts": {"set": {"confirm_cancel": 2}}},
        {"name": "confirm_yes", "examples": ["yes", "yes please", "do it", "go ahead"],
         "responses": ["Cancelled."], "contexts": {"require": ["confirm_cancel"], "clear": ["confirm_cancel"]}},
        {"name": "talk_to_human", "examples": ["I want to talk to a person", "human please", "speak to an agent",
                                                "let me talk to a real person"],
         "responses": ["Connecting you to an agent."], "handoff": {"queue": "general", "priority": 2},
         "next_steps": ["Greet the customer by name"]},
        {"name": "greeting", "examples": ["hello", "hi there", "good morning", "hey"],
         "responses": ["Hello!", "Hi again!"]}
      ],
      "fallback": {"responses": ["Sorry, I did not get that.", "Could you rephrase?"]}
    }
    """

let claimBot = try! BotLoader.load(sources: [BotLoader.Source(name: "claims.json", bytes: Array(claimBotJSON.utf8))])
let claimEngine = try! DialogEngine(bot: claimBot)

/// 2026-11-23 10:00 UTC, a Monday.
let mondayMorning: Double = 1_795_428_000

/// Plays `messages` in one session and returns every turn. Once a turn hands off, a person has
/// the session (as the contact centre would say) for the rest.
func converse(_ messages: [String], engine: DialogEngine = claimEngine, start: Double = mondayMorning) -> [TurnResult] {
    var state: SessionState?
    var attended = false
    var results: [TurnResult] = []
    for (offset, text) in messages.enumerated() {
        let turn = engine.respond(
            to: CustomerMessage(session: "s", text: text), state: state, now: start + Double(offset),
            attended: attended)
        state = turn.state
        attended = attended || turn.handoff != nil
        results.append(turn)
    }
    return results
}
