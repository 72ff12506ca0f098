package nym.crypto.internal;

/**
 * The Curve25519 Montgomery ladder of RFC 7748 section 5, without clamping: it uses scalar bits 254
 * down to 0 exactly as given, as curve25519-dalek's {@code MontgomeryPoint * Scalar} does. Sphinx
 * blinding needs this; the JDK's XDH and Bouncy Castle's {@code X25519} both clamp.
 *
 * <p>Runs on {@link Field51} (radix 2^51, 64-bit limbs); {@link BcMontgomeryLadder} is the same
 * ladder on Bouncy Castle's field, kept as the reference.
 *
 * <p>Constant time in the scalar: every step runs the same field operations, the conditional swaps
 * are masks, and nothing is allocated: the temporaries are per thread and wiped after each use.
 * The top bit of the input u-coordinate is ignored and a u ≥ p is used reduced, as RFC 7748
 * requires.
 */
public final class MontgomeryLadder {
    /** Bytes of a scalar and of a u-coordinate. */
    public static final int LENGTH = 32;
    private static final ThreadLocal<LadderScratch> SCRATCH =
            ThreadLocal.withInitial(() -> new LadderScratch(Field51.LIMBS));

    private MontgomeryLadder() {}

    /**
     * Computes {@code out = scalar · u}.
     *
     * @param scalar 32 bytes little-endian; bit 255 is ignored
     * @param u 32 bytes little-endian u-coordinate; bit 255 is ignored
     * @param out receives the 32-byte u-coordinate of the product
     */
    public static void multiply(byte[] scalar, byte[] u, byte[] out) {
        LadderScratch scratch = SCRATCH.get();
        try {
            multiply(scalar, u, out, scratch);
        } finally {
            scratch.wipe();
        }
    }

    private static void multiply(byte[] scalar, byte[] u, byte[] out, LadderScratch s) {
        Field51.decode(u, 0, s.x1);
        Field51.one(s.x2);
        java.util.Arrays.fill(s.z2, 0); // x2 = 1, z2 = 0: the point at infinity
        Field51.copy(s.x1, s.x3);
        Field51.one(s.z3);

        long swap = 0;
        for (int t = 254; t >= 0; t--) {
            long bit = (scalar[t >>> 3] >>> (t & 7)) & 1;
            swap ^= bit;
            Field51.cswap(swap, s.x2, s.x3);
            Field51.cswap(swap, s.z2, s.z3);
            swap = bit;

            Field51.add(s.x2, s.z2, s.a); // A = x2 + z2
            Field51.sub(s.x2, s.z2, s.b); // B = x2 − z2
            Field51.sqr(s.a, s.aa);
            Field51.sqr(s.b, s.bb);
            Field51.sub(s.aa, s.bb, s.e); // E = AA − BB
            Field51.add(s.x3, s.z3, s.c); // C = x3 + z3
            Field51.sub(s.x3, s.z3, s.d); // D = x3 − z3
            Field51.mul(s.d, s.a, s.d); // DA
            Field51.mul(s.c, s.b, s.c); // CB
            Field51.add(s.d, s.c, s.x3);
            Field51.sub(s.d, s.c, s.z3);
            Field51.sqr(s.x3, s.x3); // (DA + CB)²
            Field51.sqr(s.z3, s.z3);
            Field51.mul(s.z3, s.x1, s.z3); // x1·(DA − CB)²
            Field51.mul(s.aa, s.bb, s.x2); // AA·BB
            Field51.mul121665(s.e, s.z2);
            Field51.add(s.z2, s.aa, s.z2);
            Field51.mul(s.z2, s.e, s.z2); // E·(AA + a24·E)
        }
        Field51.cswap(swap, s.x2, s.x3);
        Field51.cswap(swap, s.z2, s.z3);

        Field51.invert(s.z2, s.z2, s.a, s.aa, s.b, s.bb);
        Field51.mul(s.x2, s.z2, s.x2);
        Field51.encode(s.x2, out, 0);
    }
}
