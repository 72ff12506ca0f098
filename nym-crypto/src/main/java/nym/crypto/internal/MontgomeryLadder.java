package nym.crypto.internal;

import java.util.Arrays;

/**
 * The Curve25519 Montgomery ladder of RFC 7748 section 5, without clamping: it uses scalar bits 254
 * down to 0 exactly as given, as curve25519-dalek's {@code MontgomeryPoint * Scalar} does. Sphinx
 * blinding needs this; the JDK's XDH and Bouncy Castle's {@code X25519} both clamp.
 *
 * <p>Runs on {@link Field51} (radix 2^51, 64-bit limbs); {@link BcMontgomeryLadder} is the same
 * ladder on Bouncy Castle's field, kept as the reference.
 *
 * <p>Constant time in the scalar: every step runs the same field operations, the conditional swaps
 * are masks, nothing is allocated inside the loop, and the temporaries are zeroed at the end. (Fresh
 * local arrays, not a reused scratch: a per-thread scratch measured 3 to 6 % slower, in several
 * runs.) The top bit of the input u-coordinate is
 * ignored and a u ≥ p is used reduced, as RFC 7748 requires.
 */
public final class MontgomeryLadder {
    /** Bytes of a scalar and of a u-coordinate. */
    public static final int LENGTH = 32;

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
        long[] x1 = Field51.create();
        long[] x2 = Field51.create();
        long[] z2 = Field51.create();
        long[] x3 = Field51.create();
        long[] z3 = Field51.create();
        long[] a = Field51.create();
        long[] aa = Field51.create();
        long[] b = Field51.create();
        long[] bb = Field51.create();
        long[] e = Field51.create();
        long[] c = Field51.create();

        Field51.decode(u, 0, x1);
        Field51.one(x2);
        Field51.copy(x1, x3);
        Field51.one(z3);

        long swap = 0;
        for (int t = 254; t >= 0; t--) {
            long bit = (scalar[t >>> 3] >>> (t & 7)) & 1;
            swap ^= bit;
            Field51.cswap(swap, x2, x3);
            Field51.cswap(swap, z2, z3);
            swap = bit;

            Field51.add(x2, z2, a); // A = x2 + z2
            Field51.sub(x2, z2, b); // B = x2 − z2
            Field51.sqr(a, aa);
            Field51.sqr(b, bb);
            Field51.sub(aa, bb, e); // E = AA − BB
            Field51.add(x3, z3, c); // C = x3 + z3
            Field51.sub(x3, z3, z3); // D = x3 − z3, where z3 was
            Field51.mul(z3, a, z3); // DA
            Field51.mul(c, b, c); // CB
            Field51.add(z3, c, x3);
            Field51.sub(z3, c, z3);
            Field51.sqr(x3, x3); // (DA + CB)²
            Field51.sqr(z3, z3);
            Field51.mul(z3, x1, z3); // x1·(DA − CB)²
            Field51.mul(aa, bb, x2); // AA·BB
            Field51.mul121665(e, z2);
            Field51.add(z2, aa, z2);
            Field51.mul(z2, e, z2); // E·(AA + a24·E)
        }
        Field51.cswap(swap, x2, x3);
        Field51.cswap(swap, z2, z3);

        Field51.invert(z2, z2);
        Field51.mul(x2, z2, x2);
        Field51.encode(x2, out, 0, e);
        // The temporaries hold values derived from the scalar: zero them rather than leave them to
        // the garbage collector.
        zero(x1, x2, z2, x3, z3, a);
        zero(aa, b, bb, e, c);
    }

    /** Six and five at a time, not varargs: a varargs array would be the ladder's one allocation besides its own. */
    private static void zero(long[] f0, long[] f1, long[] f2, long[] f3, long[] f4, long[] f5) {
        zero(f0, f1, f2, f3, f4);
        Arrays.fill(f5, 0);
    }

    private static void zero(long[] f0, long[] f1, long[] f2, long[] f3, long[] f4) {
        Arrays.fill(f0, 0);
        Arrays.fill(f1, 0);
        Arrays.fill(f2, 0);
        Arrays.fill(f3, 0);
        Arrays.fill(f4, 0);
    }
}
