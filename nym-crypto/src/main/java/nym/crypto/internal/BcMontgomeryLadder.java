package nym.crypto.internal;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * The reference ladder: the first implementation, on Bouncy Castle's 32-bit-limb field. Kept so
 * that tests can check {@link MontgomeryLadder} against it and the benchmarks can compare the two
 * fields in one run; production code calls {@link MontgomeryLadder}.
 *
 * <p>The Curve25519 Montgomery ladder of RFC 7748 section 5, without clamping: it uses scalar bits 254
 * down to 0 exactly as given, as curve25519-dalek's {@code MontgomeryPoint * Scalar} does. Sphinx
 * blinding needs this; the JDK's XDH and Bouncy Castle's {@code X25519} both clamp.
 *
 * <p>Constant time in the scalar: every step runs the same field operations, and the conditional
 * swaps are masks. The top bit of the input u-coordinate is ignored, as RFC 7748 requires.
 */
public final class BcMontgomeryLadder {
    private static final int A24 = 121665;

    private BcMontgomeryLadder() {}

    /**
     * Computes {@code out = scalar · u}.
     *
     * @param scalar 32 bytes little-endian; bit 255 is ignored
     * @param u 32 bytes little-endian u-coordinate; bit 255 is ignored
     * @param out receives the 32-byte u-coordinate of the product
     */
    public static void multiply(byte[] scalar, byte[] u, byte[] out) {
        int[] x1 = X25519Field.create();
        int[] x2 = X25519Field.create();
        int[] z2 = X25519Field.create();
        int[] x3 = X25519Field.create();
        int[] z3 = X25519Field.create();
        int[] a = X25519Field.create();
        int[] aa = X25519Field.create();
        int[] b = X25519Field.create();
        int[] bb = X25519Field.create();
        int[] e = X25519Field.create();
        int[] c = X25519Field.create();
        int[] d = X25519Field.create();

        byte[] masked = u.clone();
        masked[31] &= 0x7F;
        X25519Field.decode(masked, 0, x1);
        X25519Field.one(x2);
        X25519Field.copy(x1, 0, x3, 0);
        X25519Field.one(z3);

        int swap = 0;
        for (int t = 254; t >= 0; t--) {
            int bit = (scalar[t >>> 3] >>> (t & 7)) & 1;
            swap ^= bit;
            X25519Field.cswap(swap, x2, x3);
            X25519Field.cswap(swap, z2, z3);
            swap = bit;

            X25519Field.apm(x2, z2, a, b); // A = x2 + z2, B = x2 - z2
            X25519Field.sqr(a, aa);
            X25519Field.sqr(b, bb);
            X25519Field.sub(aa, bb, e);
            X25519Field.apm(x3, z3, c, d); // C = x3 + z3, D = x3 - z3
            X25519Field.mul(d, a, d); // DA
            X25519Field.mul(c, b, c); // CB
            X25519Field.apm(d, c, x3, z3); // DA + CB, DA - CB
            X25519Field.sqr(x3, x3);
            X25519Field.sqr(z3, z3);
            X25519Field.mul(z3, x1, z3);
            X25519Field.mul(aa, bb, x2);
            X25519Field.mul(e, A24, z2);
            X25519Field.add(z2, aa, z2);
            X25519Field.mul(z2, e, z2);
        }
        X25519Field.cswap(swap, x2, x3);
        X25519Field.cswap(swap, z2, z3);

        X25519Field.inv(z2, z2);
        X25519Field.mul(x2, z2, x2);
        X25519Field.normalize(x2);
        X25519Field.encode(x2, out, 0);
    }
}
