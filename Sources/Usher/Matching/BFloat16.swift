/// A `Float` kept in 16 bits: its top half (the "bfloat16" format: the full exponent and 8
/// significant bits), rounded to nearest.
///
/// Large bots store their example vectors and centroid weights this way, a quarter of their
/// memory for two to three significant digits. Converting either way is a shift, unlike
/// `Float16`, which on this platform's baseline goes through a library call per value.
struct BFloat16: Sendable, Equatable {
    var bits: UInt16

    /// `value` rounded to nearest, ties to even (the values stored here are finite).
    init(_ value: Float) {
        let bits = value.bitPattern
        self.bits = UInt16(truncatingIfNeeded: (bits &+ 0x7FFF &+ ((bits >> 16) & 1)) >> 16)
    }

    var float: Float { Float(bitPattern: UInt32(bits) << 16) }
}
