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
 * are masks, and nothing is allocated. The elements are a per-thread {@link LadderScratch}, wiped
 * after every use; the swap is done in registers as the step reads its four inputs
 * ({@link Field51#cswapSumsAndDifferences}), since the step overwrites all four. (With a swap that
 * stored the swapped limbs, reused elements had measured 3 to 6 % slower than fresh ones; with this
 * step they measure the same, and the ladder allocates nothing.) The top bit of the input
 * u-coordinate is ignored and a u ≥ p is used reduced, as RFC 7748 requires.
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
        // Checked first: a short output would throw after the secrets were computed, before the wipe.
        java.util.Objects.checkFromIndexSize(0, LENGTH, out.length);
        LadderScratch scratch = SCRATCH.get();
        try {
            multiply(scalar, u, out, scratch);
        } finally {
            scratch.wipe(); // values derived from the scalar
        }
    }

    private static void multiply(byte[] scalar, byte[] u, byte[] out, LadderScratch s) {
        long[] x1 = s.x1, x2 = s.x2, z2 = s.z2, x3 = s.x3, z3 = s.z3;
        long[] a = s.a, b = s.b, c = s.c, d = s.d;
        Field51.decode(u, 0, x1);
        Field51.one(x2);
        java.util.Arrays.fill(z2, 0);
        Field51.copy(x1, x3);
        Field51.one(z3);

        long swap = 0;
        for (int t = 254; t >= 0; t--) {
            long bit = (scalar[t >>> 3] >>> (t & 7)) & 1;
            swap ^= bit;
            // A = x2 + z2, B = x2 − z2, C = x3 + z3, D = x3 − z3 of the swapped pairs
            Field51.cswapSumsAndDifferences(swap, x2, z2, x3, z3, a, b, c, d);
            swap = bit;
            Field51.sqr(a, x2); // AA
            Field51.sqr(b, z2); // BB
            Field51.mul(d, a, d); // DA
            Field51.mul(c, b, c); // CB
            Field51.sumAndDifference(d, c, x3, z3);
            Field51.sqr(x3, x3); // (DA + CB)²
            Field51.sqr(z3, z3);
            Field51.mul(z3, x1, z3); // x1·(DA − CB)²
            Field51.sub(x2, z2, a); // E = AA − BB
            Field51.mul121665Add(a, x2, b); // AA + a24·E
            Field51.mul(x2, z2, x2); // AA·BB
            Field51.mul(a, b, z2); // E·(AA + a24·E)
        }
        Field51.cswap(swap, x2, x3);
        Field51.cswap(swap, z2, z3);

        Field51.invert(z2, z2);
        Field51.mul(x2, z2, x2);
        Field51.encode(x2, out, 0, a);
    }
}
