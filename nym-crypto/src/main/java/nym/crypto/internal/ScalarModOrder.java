package nym.crypto.internal;

import java.math.BigInteger;

/**
 * Constant-time arithmetic modulo the Curve25519 group order ℓ = 2^252 +
 * 27742317777372353535851937790883648493, on four 64-bit limbs with Montgomery multiplication
 * (R = 2^256, CIOS). Replaces {@link BigInteger}, whose running time depends on the values.
 *
 * <p>Constant time: fixed loop counts, carries and the final conditional subtraction computed with
 * bit operations, no branch and no table index that depends on a value. {@link BigInteger} appears
 * only in the class initialiser, on the public constant ℓ.
 */
public final class ScalarModOrder {
    /** Bytes of the little-endian encoding. */
    public static final int LENGTH = 32;

    private static final int LIMBS = 4;
    private static final BigInteger ORDER_VALUE =
            BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static final long[] ORDER = limbsOf(ORDER_VALUE);
    /** R² mod ℓ, which turns a Montgomery product back into a plain one. */
    private static final long[] R_SQUARED = limbsOf(BigInteger.ONE.shiftLeft(512).mod(ORDER_VALUE));
    private static final long[] ONE = {1, 0, 0, 0};
    /** −ℓ⁻¹ mod 2^64. */
    private static final long ORDER_INVERSE_NEGATED = negatedInverse(ORDER[0]);

    /** Three elements' limbs per thread (two factors and a product), zero between calls. */
    private static final ThreadLocal<long[][]> SCRATCH = ThreadLocal.withInitial(() -> new long[3][LIMBS]);

    private ScalarModOrder() {}

    /** @return ℓ as a {@link BigInteger}, for documentation and tests */
    public static BigInteger order() {
        return ORDER_VALUE;
    }

    /**
     * Writes a·b mod ℓ, for any 32-byte little-endian a and b (each below 2^256), as 32 bytes.
     *
     * @param out receives the reduced product; may be {@code a} or {@code b}
     */
    public static void multiply(byte[] a, byte[] b, byte[] out) {
        long[][] limbs = SCRATCH.get();
        try {
            decode(a, 0, limbs[0]);
            decode(b, 0, limbs[1]);
            productInto(limbs[0], limbs[1], limbs[2], out);
        } finally {
            wipe(limbs);
        }
    }

    /**
     * Writes v mod ℓ for the 32-byte little-endian v (below 2^256) at {@code v[offset, offset + 32)}.
     *
     * @param out receives the reduced value; may be {@code v} at offset 0
     */
    public static void reduce(byte[] v, int offset, byte[] out) {
        long[][] limbs = SCRATCH.get();
        try {
            decode(v, offset, limbs[0]);
            productInto(limbs[0], ONE, limbs[2], out);
        } finally {
            wipe(limbs);
        }
    }

    /** out = x·y mod ℓ, for x, y below R; x and t are used as scratch. */
    private static void productInto(long[] x, long[] y, long[] t, byte[] out) {
        montgomery(x, y, t); // x·y/R, below R
        montgomery(t, R_SQUARED, x); // x·y, below ℓ
        encode(x, out);
    }

    /**
     * t = x·y/R mod ℓ, for x, y below R. CIOS keeps t ≤ R + ℓ − 1, so after one conditional
     * subtraction of ℓ the result is below R, and below ℓ whenever x·y < ℓ·R.
     */
    private static void montgomery(long[] x, long[] y, long[] out) {
        long t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
        for (int i = 0; i < LIMBS; i++) {
            long yi = y[i];
            // t += x·yᵢ
            long lo, hi, s, c;
            lo = x[0] * yi; hi = Math.unsignedMultiplyHigh(x[0], yi);
            s = t0 + lo; hi += carry(t0, lo, s); t0 = s; c = hi;
            lo = x[1] * yi; hi = Math.unsignedMultiplyHigh(x[1], yi);
            s = t1 + lo; hi += carry(t1, lo, s); lo = s + c; hi += carry(s, c, lo); t1 = lo; c = hi;
            lo = x[2] * yi; hi = Math.unsignedMultiplyHigh(x[2], yi);
            s = t2 + lo; hi += carry(t2, lo, s); lo = s + c; hi += carry(s, c, lo); t2 = lo; c = hi;
            lo = x[3] * yi; hi = Math.unsignedMultiplyHigh(x[3], yi);
            s = t3 + lo; hi += carry(t3, lo, s); lo = s + c; hi += carry(s, c, lo); t3 = lo; c = hi;
            s = t4 + c;
            long t5 = carry(t4, c, s);
            t4 = s;
            // t = (t + m·ℓ) / 2^64, with m chosen so that the low word vanishes
            long m = t0 * ORDER_INVERSE_NEGATED;
            lo = m * ORDER[0]; hi = Math.unsignedMultiplyHigh(m, ORDER[0]);
            s = t0 + lo; hi += carry(t0, lo, s); c = hi;
            lo = m * ORDER[1]; hi = Math.unsignedMultiplyHigh(m, ORDER[1]);
            s = t1 + lo; hi += carry(t1, lo, s); lo = s + c; hi += carry(s, c, lo); t0 = lo; c = hi;
            lo = m * ORDER[2]; hi = Math.unsignedMultiplyHigh(m, ORDER[2]);
            s = t2 + lo; hi += carry(t2, lo, s); lo = s + c; hi += carry(s, c, lo); t1 = lo; c = hi;
            lo = m * ORDER[3]; hi = Math.unsignedMultiplyHigh(m, ORDER[3]);
            s = t3 + lo; hi += carry(t3, lo, s); lo = s + c; hi += carry(s, c, lo); t2 = lo; c = hi;
            s = t4 + c;
            t3 = s;
            t4 = t5 + carry(t4, c, s);
        }
        // out = t − ℓ if t ≥ ℓ, else t: subtract, then keep t where the 320-bit difference borrowed.
        long d0 = t0 - ORDER[0];
        long b = borrow(t0, ORDER[0], d0);
        long d1 = t1 - ORDER[1] - b;
        b = borrow(t1, ORDER[1], d1);
        long d2 = t2 - ORDER[2] - b;
        b = borrow(t2, ORDER[2], d2);
        long d3 = t3 - ORDER[3] - b;
        b = borrow(t3, ORDER[3], d3);
        long keep = -((b & ~t4) & 1); // all ones if t < ℓ
        out[0] = (t0 & keep) | (d0 & ~keep);
        out[1] = (t1 & keep) | (d1 & ~keep);
        out[2] = (t2 & keep) | (d2 & ~keep);
        out[3] = (t3 & keep) | (d3 & ~keep);
    }

    /** The carry out of s = x + y (mod 2^64), as 0 or 1. */
    private static long carry(long x, long y, long s) {
        return ((x & y) | ((x | y) & ~s)) >>> 63;
    }

    /** The borrow out of d = x − y − borrowIn (mod 2^64), as 0 or 1. */
    private static long borrow(long x, long y, long d) {
        return ((~x & y) | (~(x ^ y) & d)) >>> 63;
    }

    /** r = the 32 bytes at {@code le[offset, offset + 32)}, whatever r held before. */
    private static void decode(byte[] le, int offset, long[] r) {
        java.util.Objects.checkFromIndexSize(offset, LENGTH, le.length);
        for (int limb = 0; limb < LIMBS; limb++) {
            long v = 0;
            for (int i = 7; i >= 0; i--) {
                v = (v << 8) | (le[offset + 8 * limb + i] & 0xFFL);
            }
            r[limb] = v;
        }
    }

    private static void encode(long[] v, byte[] out) {
        for (int i = 0; i < LENGTH; i++) {
            out[i] = (byte) (v[i >>> 3] >>> (8 * (i & 7)));
        }
    }

    /** Zeroes the scratch: its limbs are a secret's. */
    private static void wipe(long[][] limbs) {
        for (long[] v : limbs) {
            java.util.Arrays.fill(v, 0);
        }
    }

    private static long[] limbsOf(BigInteger v) {
        long[] r = new long[LIMBS];
        for (int i = 0; i < LIMBS; i++) {
            r[i] = v.shiftRight(64 * i).longValue();
        }
        return r;
    }

    /** Newton's iteration doubles the correct low bits of an inverse mod 2^64 each step. */
    private static long negatedInverse(long odd) {
        long inverse = 1;
        for (int i = 0; i < 6; i++) {
            inverse *= 2 - odd * inverse;
        }
        return -inverse;
    }
}
