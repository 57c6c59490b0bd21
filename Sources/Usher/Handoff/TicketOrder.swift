/// One queue's waiting tickets in the order agents take them, with the operations a contact
/// centre needs in O(log n): add, remove, the first, and a ticket's place (a treap whose nodes
/// count their subtree, kept in arrays so the whole queue is a value).
///
/// The order must not change while tickets wait, or nothing could be kept sorted: it is by
/// ``Ticket/orderKey(agingSeconds:)`` (priority plus time waited, continuously), then by ticket
/// number.
struct TicketOrder: Sendable, Equatable {
    private struct Node: Sendable, Equatable {
        var ticket: Ticket
        var key: Double
        var weight: UInt64
        var left = -1
        var right = -1
        var size = 1
    }

    private var nodes: [Node] = []
    private var free: [Int] = []
    private var root = -1
    let agingSeconds: Double

    init(agingSeconds: Double) {
        self.agingSeconds = agingSeconds
    }

    static func == (lhs: TicketOrder, rhs: TicketOrder) -> Bool { lhs.tickets == rhs.tickets }

    var count: Int { root < 0 ? 0 : nodes[root].size }

    /// Whether `a` comes before `b`: the higher key, then the lower number.
    private static func precedes(_ a: (Double, Int), _ b: (Double, Int)) -> Bool {
        a.0 != b.0 ? a.0 > b.0 : a.1 < b.1
    }

    private func place(_ node: Int) -> (Double, Int) { (nodes[node].key, nodes[node].ticket.number) }

    private mutating func update(_ node: Int) {
        let left = nodes[node].left
        let right = nodes[node].right
        nodes[node].size = 1 + (left < 0 ? 0 : nodes[left].size) + (right < 0 ? 0 : nodes[right].size)
    }

    /// Splits `node` into the part before `at` and the rest.
    private mutating func split(_ node: Int, at: (Double, Int)) -> (Int, Int) {
        guard node >= 0 else { return (-1, -1) }
        if Self.precedes(place(node), at) {
            let (left, right) = split(nodes[node].right, at: at)
            nodes[node].right = left
            update(node)
            return (node, right)
        } else {
            let (left, right) = split(nodes[node].left, at: at)
            nodes[node].left = right
            update(node)
            return (left, node)
        }
    }

    private mutating func merge(_ left: Int, _ right: Int) -> Int {
        guard left >= 0 else { return right }
        guard right >= 0 else { return left }
        if nodes[left].weight > nodes[right].weight {
            nodes[left].right = merge(nodes[left].right, right)
            update(left)
            return left
        } else {
            nodes[right].left = merge(left, nodes[right].left)
            update(right)
            return right
        }
    }

    mutating func insert(_ ticket: Ticket) {
        let key = ticket.orderKey(agingSeconds: agingSeconds)
        // A fixed mix of the ticket number: the tree's shape is the same in every process.
        var weight = UInt64(bitPattern: Int64(ticket.number)) &* 0x9E37_79B9_7F4A_7C15
        weight ^= weight >> 31
        let node = Node(ticket: ticket, key: key, weight: weight)
        let index: Int
        if let reused = free.popLast() {
            nodes[reused] = node
            index = reused
        } else {
            nodes.append(node)
            index = nodes.count - 1
        }
        let (left, right) = split(root, at: (key, ticket.number))
        root = merge(merge(left, index), right)
    }

    mutating func remove(_ ticket: Ticket) {
        let at = (ticket.orderKey(agingSeconds: agingSeconds), ticket.number)
        let (left, rest) = split(root, at: at)
        // `rest` starts with the ticket: split it off.
        let (middle, right) = split(rest, at: Self.after(at))
        if middle >= 0 { free.append(middle) }
        root = merge(left, right)
    }

    /// The place just after `at` in the order (same key, next number).
    private static func after(_ at: (Double, Int)) -> (Double, Int) { (at.0, at.1 + 1) }

    /// How many tickets come before `ticket` (its place, from 0).
    func rank(of ticket: Ticket) -> Int {
        let at = (ticket.orderKey(agingSeconds: agingSeconds), ticket.number)
        var node = root
        var before = 0
        while node >= 0 {
            if Self.precedes(place(node), at) {
                before += 1 + (nodes[node].left < 0 ? 0 : nodes[nodes[node].left].size)
                node = nodes[node].right
            } else {
                node = nodes[node].left
            }
        }
        return before
    }

    var first: Ticket? {
        var node = root
        guard node >= 0 else { return nil }
        while nodes[node].left >= 0 { node = nodes[node].left }
        return nodes[node].ticket
    }

    /// Every ticket, first to last.
    var tickets: [Ticket] {
        var result: [Ticket] = []
        result.reserveCapacity(count)
        var stack: [Int] = []
        var node = root
        while node >= 0 || !stack.isEmpty {
            while node >= 0 {
                stack.append(node)
                node = nodes[node].left
            }
            let top = stack.removeLast()
            result.append(nodes[top].ticket)
            node = nodes[top].right
        }
        return result
    }
}

extension Ticket {
    /// Where the ticket stands, fixed while it waits: its priority plus the time it has waited
    /// in units of `agingSeconds`, less the time now that every ticket shares, scaled by
    /// `agingSeconds` (a multiplication and a subtraction keep ties exact: no division).
    func orderKey(agingSeconds: Double) -> Double {
        Double(priority) * agingSeconds - queuedAt
    }
}
