/// What the centre answers without changing: queue order, wait estimates, where a session is.
extension ContactCentre {
    /// The tickets of `queue` in the order agents will get them (the same at any moment).
    public func order(of queue: String, now: Double) -> [Ticket] {
        orders[queue]?.tickets ?? []
    }

    /// Seconds until a session at `position` of `queue` is likely taken: nothing while agents
    /// who serve the queue have room; otherwise the queue's recent mean handle time for each
    /// customer beyond that room, shared among all the conversations those agents can hold.
    /// `nil` while no agent serves the queue: any number would be invented. Beyond the room it is
    /// at least a second, however quickly agents have been closing conversations: zero tells the
    /// customer "an agent will be with you shortly", which only free room may promise.
    public func estimatedWait(queue: String, position: Int) -> Double? {
        let recent = handleTimes[queue] ?? []
        let handle = recent.isEmpty ? Self.defaultHandleSeconds : recent.reduce(0, +) / Double(recent.count)
        let serving = agents.values.filter { $0.queues.contains(queue) }
        guard !serving.isEmpty else { return nil }
        let room = serving.reduce(0) { $0 + max(0, $1.capacity - $1.sessions.count) }
        guard position > room else { return 0 }
        let seats = max(1, serving.reduce(0) { $0 + $1.capacity })
        return max(1, (handle * Double(position - room) / Double(seats)).rounded())
    }

    /// Where a session is: waiting, with an agent, or with the bot (`nil`).
    public func status(of session: String) -> SessionHandoffStatus? {
        if let ticket = waitingBySession[session] { return .queued(ticket) }
        if let holding = held[session] { return .agent(holding.agent, holding.ticket) }
        return nil
    }

    /// Higher priority, counting time waited, first; then the older ticket.
    func before(_ left: Ticket, _ right: Ticket) -> Bool {
        let (a, b) = (left.orderKey(agingSeconds: agingSeconds), right.orderKey(agingSeconds: agingSeconds))
        return a != b ? a > b : left.number < right.number
    }
}
