extension Array where Element == UInt64 {
    /// Sorts in place, ascending, without the stability the standard sort pays for: equal
    /// integers cannot be told apart. Loading sorts millions of packed keys in short runs
    /// (one example's features, one intent's postings), where the standard library's merge sort
    /// spent a quarter of a large bot's load time.
    ///
    /// Quicksort with a median-of-three pivot, insertion sort for short ranges, and heapsort when
    /// the recursion gets deeper than twice the logarithm, so the worst case stays n log n.
    mutating func sortIntegers() {
        guard count > 1 else { return }
        withUnsafeMutableBufferPointer { buffer in
            let depth = 2 * (Int.bitWidth - buffer.count.leadingZeroBitCount)
            introsort(buffer, 0, buffer.count, depth: depth)
        }
    }
}

private func introsort(_ a: UnsafeMutableBufferPointer<UInt64>, _ low: Int, _ high: Int, depth: Int) {
    var low = low
    var high = high
    var depth = depth
    while high - low > 16 {
        if depth == 0 {
            heapsort(a, low, high)
            return
        }
        depth -= 1
        let middle = low + (high - low) / 2
        if a[middle] < a[low] { a.swapAt(middle, low) }
        if a[high - 1] < a[low] { a.swapAt(high - 1, low) }
        if a[high - 1] < a[middle] { a.swapAt(high - 1, middle) }
        let pivot = a[middle]
        var i = low
        var j = high - 1
        while i <= j {
            while a[i] < pivot { i += 1 }
            while a[j] > pivot { j -= 1 }
            if i <= j {
                a.swapAt(i, j)
                i += 1
                j -= 1
            }
        }
        // Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
        if j - low < high - i {
            introsort(a, low, j + 1, depth: depth)
            low = i
        } else {
            introsort(a, i, high, depth: depth)
            high = j + 1
        }
    }
    insertionSort(a, low, high)
}

private func insertionSort(_ a: UnsafeMutableBufferPointer<UInt64>, _ low: Int, _ high: Int) {
    guard high - low > 1 else { return }
    for index in (low + 1)..<high {
        let value = a[index]
        var slot = index
        while slot > low && a[slot - 1] > value {
            a[slot] = a[slot - 1]
            slot -= 1
        }
        a[slot] = value
    }
}

private func heapsort(_ a: UnsafeMutableBufferPointer<UInt64>, _ low: Int, _ high: Int) {
    let count = high - low
    func siftDown(_ start: Int, _ end: Int) {
        var root = start
        while 2 * root + 1 < end {
            var child = 2 * root + 1
            if child + 1 < end && a[low + child] < a[low + child + 1] { child += 1 }
            guard a[low + root] < a[low + child] else { return }
            a.swapAt(low + root, low + child)
            root = child
        }
    }
    for start in stride(from: count / 2 - 1, through: 0, by: -1) { siftDown(start, count) }
    for end in stride(from: count - 1, to: 0, by: -1) {
        a.swapAt(low, low + end)
        siftDown(0, end)
    }
}
