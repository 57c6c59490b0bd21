import Usher

/// The agent's side of a handoff, played from the same terminal through the contact centre
/// `usher serve` uses.
extension ChatSession {
    /// Whether the agent is in the contact centre: joined here, or still there from an earlier
    /// run over the same state file.
    var agentJoined: Bool { server.contactCentre.agents[agent] != nil }

    /// At the end of the chat, an agent it joined leaves, so that the queues do not count on
    /// someone who has gone (the conversations they held wait again, at the front).
    /// Returns why the agent could not leave, if they could not.
    func leaveIfJoinedHere() -> String? {
        guard joinedHere else { return nil }
        do {
            _ = try server.perform(.leave(agent: agent), now: clock())
            joinedHere = false
            return nil
        } catch {
            return "\(agent) could not leave the contact centre: \(error)"
        }
    }

    func act(_ command: SlashCommand.AgentCommand) -> [ChatLine] {
        var lines: [ChatLine] = []
        do throws(HandoffError) {
            switch command {
            case .join(let queues):
                if agentJoined {
                    let serves = server.contactCentre.agents[agent]?.queues.joined(separator: ", ") ?? ""
                    return [.error("\(agent) already serves \(serves); /agent leave first to serve other queues")]
                }
                try join(queues.isEmpty ? queueNames : queues, lines: &lines)
            case .claim(let session):
                if !agentJoined {
                    try checkClaim(session)
                    try join(queueNames, lines: &lines)
                }
                let outcome = try perform(.claim(agent: agent, session: session))
                if case .claimed(_, let ticket, let summary, let events) = outcome {
                    agentFocus = ticket.session
                    record(.claim, on: ticket.session, outcome, state: "agent")
                    lines += formatter.summary(summary, ticket: ticket)
                    lines += formatter.events(events, agent: agent, current: self.session)
                }
            case .say(let text):
                let target = try focus(nil)
                let outcome = try perform(.say(agent: agent, session: target, text: text))
                record(.says(text), on: target, outcome, state: "agent")
                lines += formatter.events(outcome.events, agent: agent, current: session)
            case .transfer(let queue, let session):
                let target = try focus(session)
                lines += try letGo(
                    .transfer(agent: agent, session: target, queue: queue), target, "transferred \(target) to \(queue)",
                    recording: .transfer(queue: queue), state: "queued")
            case .release(let session):
                let target = try focus(session)
                lines += try letGo(
                    .release(agent: agent, session: target), target, "released \(target) back to the bot",
                    recording: .release, state: "bot")
            case .close(let session):
                let target = try focus(session)
                lines += try letGo(.close(agent: agent, session: target), target, "closed \(target)")
                lastTurns[target] = nil
                recorder.forget(target)
            case .leave:
                guard case .left(_, let requeued) = try perform(.leave(agent: agent)) else { break }
                joinedHere = false
                agentFocus = nil
                let back = requeued.isEmpty ? "" : "; back in their queues: " + requeued.joined(separator: ", ")
                lines.append(.info("\(agent) left" + back))
            }
        } catch {
            lines.append(.error("\(error.message) (\(error.code))"))
        }
        return lines
    }

    /// The customer of this session leaves the queue, as a gateway's `queue.leave` says when
    /// they close the chat: what happened, then what the customer is told.
    func leaveQueue() -> [ChatLine] {
        do throws(HandoffError) {
            guard case .leftQueue(_, let ticket, let waited, let events) = try perform(.leaveQueue(session: session))
            else { return [] }
            let told = events.compactMap { event -> ChatLine? in
                if case .toCustomer(_, let text) = event { .bot(text) } else { nil }
            }
            return [.info("\(session) left queue \(ticket.queue) after \(formatter.duration(waited))")] + told
        } catch {
            return [.error("\(error.message) (\(error.code))")]
        }
    }

    /// Carries out a request that ends the agent's hold on `target`: what was done, then what
    /// the customer is told.
    private func letGo(
        _ request: AgentRequest, _ target: String, _ done: String, recording step: TestAgentStep.Kind? = nil,
        state: String = "bot"
    ) throws(HandoffError) -> [ChatLine] {
        let outcome = try perform(request)
        if let step { record(step, on: target, outcome, state: state) }
        refocus(after: target)
        return [.info(done)] + formatter.events(outcome.events, agent: agent, current: session)
    }

    /// How many conversations the agent played here holds at once.
    static let agentCapacity = 5

    /// Refuses a claim that would fail, before the agent joins the queues for it: the join is
    /// only a means to the claim, and a refused command changes nothing. Tried on a copy of the
    /// contact centre, a pure value, once it has what other processes sharing the store committed.
    private func checkClaim(_ session: String?) throws(HandoffError) {
        let now = clock()
        do {
            try server.catchUp(now: now)
        } catch {
            throw Self.storeFailed(error)
        }
        var trial = server.contactCentre
        _ = try trial.join(agent: agent, queues: queueNames, capacity: Self.agentCapacity, now: now)
        _ = try trial.claim(agent: agent, session: session, now: now)
    }

    private func join(_ queues: [String], lines: inout [ChatLine]) throws(HandoffError) {
        _ = try perform(.join(agent: agent, queues: queues, capacity: Self.agentCapacity))
        joinedHere = true
        lines.append(.info("\(agent) serves " + queues.joined(separator: ", ")))
    }

    /// Keeps the step in the session's recording, so `/save` writes it into the test.
    private func record(_ kind: TestAgentStep.Kind, on session: String, _ outcome: AgentOutcome, state: String) {
        recorder.record(
            TestAgentStep(agent: agent, kind: kind), on: session, shown: outcome.shownToCustomer, state: state,
            advanced: advanced)
    }

    /// Carries out an agent request; a store that fails is reported like a refusal, with nothing changed.
    private func perform(_ request: AgentRequest) throws(HandoffError) -> AgentOutcome {
        do {
            return try server.perform(request, now: clock())
        } catch let error as HandoffError {
            throw error
        } catch {
            throw Self.storeFailed(error)
        }
    }

    private static func storeFailed(_ error: any Error) -> HandoffError {
        HandoffError(code: "storage_unavailable", message: "the session store failed: \(error)")
    }

    /// The session named, or the one the agent took last.
    private func focus(_ session: String?) throws(HandoffError) -> String {
        if let session { return session }
        // After a restart over a state file, the agent's conversations are still theirs.
        guard let focus = agentFocus ?? server.contactCentre.agents[agent]?.sessions.last else {
            throw HandoffError(
                code: "nothing_held", message: "\(agent) holds no conversation; /agent claim takes the next one")
        }
        return focus
    }

    /// After a conversation leaves the agent, the focus moves to another they still hold.
    private func refocus(after session: String) {
        guard agentFocus == session else { return }
        agentFocus = server.contactCentre.agents[agent]?.sessions.last
    }
}
