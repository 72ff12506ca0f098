package nym.crypto.internal;

/**
 * Arithmetic modulo p = 2^255 − 19 on five 64-bit limbs of radix 2^51 (a value is Σ aᵢ·2^(51·i)),
 * with 128-bit products from {@link Math#multiplyHigh}. Twice as few limb products as Bouncy
 * Castle's ten 25.5-bit limbs, which is what makes the ladder faster.
 *
 * <p>Limb bounds, which every caller must keep: {@link #mul}, {@link #sqr} and {@link #mul121665}
 * return "tight" limbs (at most 2^51) and accept limbs below 2^53. {@link #add} of two tight
 * elements gives limbs below 2^52.1; {@link #sub} needs a tight subtrahend and adds 2p, so its result
 * stays below the minuend's bound plus 2^52. Every limb is non-negative throughout.
 *
 * <p>Constant time: no branch and no memory access depends on a value. Elements are {@code long[5]};
 * outputs may alias inputs.
 */
public final class Field51 {
    /** Limbs of an element. */
    public static final int LIMBS = 5;

    private static final long MASK = (1L << 51) - 1;
    /** 2p, limb by limb: the bias {@link #sub} adds so that no limb goes negative. */
    private static final long TWO_P0 = 0xFFFFFFFFFFFDAL;
    private static final long TWO_P = 0xFFFFFFFFFFFFEL;
    /** Pre-shifts that make {@code multiplyHigh} return bits 51 and up: A_SHIFT + B_SHIFT = 64 − 51. */
    private static final int A_SHIFT = 9;
    private static final int B_SHIFT = 4;

    private Field51() {}

    /** @return a new element, zero */
    public static long[] create() {
        return new long[LIMBS];
    }

    /** r = 1. */
    public static void one(long[] r) {
        r[0] = 1;
        r[1] = 0;
        r[2] = 0;
        r[3] = 0;
        r[4] = 0;
    }

    /** r = a. */
    public static void copy(long[] a, long[] r) {
        System.arraycopy(a, 0, r, 0, LIMBS);
    }

    /** r = a + b, without carrying. */
    public static void add(long[] a, long[] b, long[] r) {
        r[0] = a[0] + b[0];
        r[1] = a[1] + b[1];
        r[2] = a[2] + b[2];
        r[3] = a[3] + b[3];
        r[4] = a[4] + b[4];
    }

    /** r = a − b + 2p, without carrying; {@code b} must be tight. */
    public static void sub(long[] a, long[] b, long[] r) {
        r[0] = a[0] + TWO_P0 - b[0];
        r[1] = a[1] + TWO_P - b[1];
        r[2] = a[2] + TWO_P - b[2];
        r[3] = a[3] + TWO_P - b[3];
        r[4] = a[4] + TWO_P - b[4];
    }

    /** r = a with its limbs carried to tight (at most 2^51), for limbs below 2^63; the same value mod p. */
    public static void weakReduce(long[] a, long[] r) {
        carryChain(a[0], a[1], a[2], a[3], a[4], r);
    }

    /** Swaps a and b if {@code swap} is 1, leaves them if it is 0, with masks. */
    public static void cswap(long swap, long[] a, long[] b) {
        long mask = -swap;
        for (int i = 0; i < LIMBS; i++) {
            long t = mask & (a[i] ^ b[i]);
            a[i] ^= t;
            b[i] ^= t;
        }
    }

    /**
     * r = a·b, for limbs below 2^53. The split of each 128-bit product at bit 51 is free: one
     * factor is pre-shifted left by 9 and the other by 4, so {@code multiplyHigh} returns the product's
     * bits from 51 up; the low 64 bits of the plain products, summed with wrap-around, minus those
     * high parts shifted back, are the exact sum of the low 51-bit parts. No sum exceeds 64 bits.
     */
    public static void mul(long[] a, long[] b, long[] r) {
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4];
        long b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4];
        long c1 = 19 * b1, c2 = 19 * b2, c3 = 19 * b3, c4 = 19 * b4;
        long a0S = a0 << A_SHIFT, a1S = a1 << A_SHIFT, a2S = a2 << A_SHIFT, a3S = a3 << A_SHIFT;
        long a4S = a4 << A_SHIFT;
        long b0S = b0 << B_SHIFT, b1S = b1 << B_SHIFT, b2S = b2 << B_SHIFT, b3S = b3 << B_SHIFT;
        long b4S = b4 << B_SHIFT;
        long c1S = c1 << B_SHIFT, c2S = c2 << B_SHIFT, c3S = c3 << B_SHIFT, c4S = c4 << B_SHIFT;
        long l0 = a0 * b0 + a1 * c4 + a2 * c3 + a3 * c2 + a4 * c1;
        long h0 = Math.multiplyHigh(a0S, b0S) + Math.multiplyHigh(a1S, c4S) + Math.multiplyHigh(a2S, c3S)
                + Math.multiplyHigh(a3S, c2S) + Math.multiplyHigh(a4S, c1S);
        long l1 = a0 * b1 + a1 * b0 + a2 * c4 + a3 * c3 + a4 * c2;
        long h1 = Math.multiplyHigh(a0S, b1S) + Math.multiplyHigh(a1S, b0S) + Math.multiplyHigh(a2S, c4S)
                + Math.multiplyHigh(a3S, c3S) + Math.multiplyHigh(a4S, c2S);
        long l2 = a0 * b2 + a1 * b1 + a2 * b0 + a3 * c4 + a4 * c3;
        long h2 = Math.multiplyHigh(a0S, b2S) + Math.multiplyHigh(a1S, b1S) + Math.multiplyHigh(a2S, b0S)
                + Math.multiplyHigh(a3S, c4S) + Math.multiplyHigh(a4S, c3S);
        long l3 = a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0 + a4 * c4;
        long h3 = Math.multiplyHigh(a0S, b3S) + Math.multiplyHigh(a1S, b2S) + Math.multiplyHigh(a2S, b1S)
                + Math.multiplyHigh(a3S, b0S) + Math.multiplyHigh(a4S, c4S);
        long l4 = a0 * b4 + a1 * b3 + a2 * b2 + a3 * b1 + a4 * b0;
        long h4 = Math.multiplyHigh(a0S, b4S) + Math.multiplyHigh(a1S, b3S) + Math.multiplyHigh(a2S, b2S)
                + Math.multiplyHigh(a3S, b1S) + Math.multiplyHigh(a4S, b0S);
        carry(l0, l1, l2, l3, l4, h0, h1, h2, h3, h4, r);
    }

    /** r = a², for limbs below 2^53 (the same split as {@link #mul}). */
    public static void sqr(long[] a, long[] r) {
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4];
        long d0 = 2 * a0, d1 = 2 * a1, d2 = 2 * a2, d3 = 2 * a3;
        long e3 = 19 * a3, e4 = 19 * a4;
        long a0L = a0 << A_SHIFT, a1L = a1 << A_SHIFT, a2L = a2 << A_SHIFT, a3L = a3 << A_SHIFT,
                a4L = a4 << A_SHIFT, d0L = d0 << A_SHIFT, d1L = d1 << A_SHIFT, d2L = d2 << A_SHIFT,
                d3L = d3 << A_SHIFT;
        long a0R = a0 << B_SHIFT, a1R = a1 << B_SHIFT, a2R = a2 << B_SHIFT, a3R = a3 << B_SHIFT,
                a4R = a4 << B_SHIFT, e3R = e3 << B_SHIFT, e4R = e4 << B_SHIFT;
        long l0 = a0 * a0 + d1 * e4 + d2 * e3;
        long h0 = Math.multiplyHigh(a0L, a0R) + Math.multiplyHigh(d1L, e4R) + Math.multiplyHigh(d2L, e3R);
        long l1 = d0 * a1 + d2 * e4 + a3 * e3;
        long h1 = Math.multiplyHigh(d0L, a1R) + Math.multiplyHigh(d2L, e4R) + Math.multiplyHigh(a3L, e3R);
        long l2 = d0 * a2 + a1 * a1 + d3 * e4;
        long h2 = Math.multiplyHigh(d0L, a2R) + Math.multiplyHigh(a1L, a1R) + Math.multiplyHigh(d3L, e4R);
        long l3 = d0 * a3 + d1 * a2 + a4 * e4;
        long h3 = Math.multiplyHigh(d0L, a3R) + Math.multiplyHigh(d1L, a2R) + Math.multiplyHigh(a4L, e4R);
        long l4 = d0 * a4 + d1 * a3 + a2 * a2;
        long h4 = Math.multiplyHigh(d0L, a4R) + Math.multiplyHigh(d1L, a3R) + Math.multiplyHigh(a2L, a2R);
        carry(l0, l1, l2, l3, l4, h0, h1, h2, h3, h4, r);
    }

    /** r = a^(2^n), n ≥ 1. */
    public static void sqr(long[] a, int n, long[] r) {
        sqr(a, r);
        for (int i = 1; i < n; i++) {
            sqr(r, r);
        }
    }

    /** r = 121665·a, the (A − 2)/4 of Curve25519 that the ladder's doubling uses. */
    public static void mul121665(long[] a, long[] r) {
        final long k = 121665;
        final long kS = k << B_SHIFT;
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4];
        carry(a0 * k, a1 * k, a2 * k, a3 * k, a4 * k,
                Math.multiplyHigh(a0 << A_SHIFT, kS), Math.multiplyHigh(a1 << A_SHIFT, kS),
                Math.multiplyHigh(a2 << A_SHIFT, kS), Math.multiplyHigh(a3 << A_SHIFT, kS),
                Math.multiplyHigh(a4 << A_SHIFT, kS), r);
    }

    /** r = a^(p−2) = 1/a (and 0 for 0), by the usual chain of 254 squarings and 11 products. */
    public static void invert(long[] a, long[] r) {
        invert(a, r, create(), create(), create(), create());
    }

    /** {@link #invert(long[], long[])} with caller-owned temporaries t0 … t3 (left holding secrets). */
    public static void invert(long[] a, long[] r, long[] t0, long[] t1, long[] t2, long[] t3) {
        sqr(a, t0); // 2
        sqr(t0, 2, t1); // 8
        mul(a, t1, t1); // 9
        mul(t0, t1, t0); // 11
        sqr(t0, t2); // 22
        mul(t1, t2, t1); // 2^5 − 1
        sqr(t1, 5, t2);
        mul(t2, t1, t1); // 2^10 − 1
        sqr(t1, 10, t2);
        mul(t2, t1, t2); // 2^20 − 1
        sqr(t2, 20, t3);
        mul(t3, t2, t2); // 2^40 − 1
        sqr(t2, 10, t2);
        mul(t2, t1, t1); // 2^50 − 1
        sqr(t1, 50, t2);
        mul(t2, t1, t2); // 2^100 − 1
        sqr(t2, 100, t3);
        mul(t3, t2, t2); // 2^200 − 1
        sqr(t2, 50, t2);
        mul(t2, t1, t1); // 2^250 − 1
        sqr(t1, 5, t1); // 2^255 − 2^5
        mul(t1, t0, r); // 2^255 − 21 = p − 2
    }

    /** r = the 32 little-endian bytes at {@code in[off..off+32)}, bit 255 ignored (not reduced). */
    public static void decode(byte[] in, int off, long[] r) {
        long w0 = littleEndian64(in, off);
        long w1 = littleEndian64(in, off + 8);
        long w2 = littleEndian64(in, off + 16);
        long w3 = littleEndian64(in, off + 24);
        r[0] = w0 & MASK;
        r[1] = ((w0 >>> 51) | (w1 << 13)) & MASK;
        r[2] = ((w1 >>> 38) | (w2 << 26)) & MASK;
        r[3] = ((w2 >>> 25) | (w3 << 39)) & MASK;
        r[4] = (w3 >>> 12) & MASK;
    }

    /** Writes a, fully reduced below p, as 32 little-endian bytes at {@code out[off..off+32)}. */
    public static void encode(long[] a, byte[] out, int off) {
        long[] t = create();
        carryChain(a[0], a[1], a[2], a[3], a[4], t);
        // t < 2^255 + small; q = 1 exactly when t ≥ p, found by adding 19 and watching bit 255.
        long q = (t[0] + 19) >>> 51;
        q = (t[1] + q) >>> 51;
        q = (t[2] + q) >>> 51;
        q = (t[3] + q) >>> 51;
        q = (t[4] + q) >>> 51;
        t[0] += 19 * q;
        t[1] += t[0] >>> 51;
        t[0] &= MASK;
        t[2] += t[1] >>> 51;
        t[1] &= MASK;
        t[3] += t[2] >>> 51;
        t[2] &= MASK;
        t[4] += t[3] >>> 51;
        t[3] &= MASK;
        t[4] &= MASK;
        putLittleEndian64(t[0] | (t[1] << 51), out, off);
        putLittleEndian64((t[1] >>> 13) | (t[2] << 38), out, off + 8);
        putLittleEndian64((t[2] >>> 26) | (t[3] << 25), out, off + 16);
        putLittleEndian64((t[3] >>> 39) | (t[4] << 12), out, off + 24);
        java.util.Arrays.fill(t, 0); // the value itself, which may be a secret
    }

    /**
     * r = Σ (Lᵢ + hᵢ·2^51)·2^(51·i), carried to tight limbs, where Lᵢ = lᵢ − hᵢ·2^51 mod 2^64 is the
     * sum of the low 51-bit parts (lᵢ holds the low 64 bits of the whole sum). The h₄ that leaves the
     * top wraps around times 19 (2^255 ≡ 19), split at bit 51 so that 19·h₄ cannot overflow.
     */
    private static void carry(long l0, long l1, long l2, long l3, long l4,
            long h0, long h1, long h2, long h3, long h4, long[] r) {
        long c0 = (l0 - (h0 << 51)) + 19 * (h4 & MASK);
        long c1 = (l1 - (h1 << 51)) + h0 + 19 * (h4 >>> 51);
        long c2 = (l2 - (h2 << 51)) + h1;
        long c3 = (l3 - (h3 << 51)) + h2;
        long c4 = (l4 - (h4 << 51)) + h3;
        carryChain(c0, c1, c2, c3, c4, r);
    }

    /** r = c carried once: limbs below 2^51, except limb 1, which may reach 2^51. */
    private static void carryChain(long c0, long c1, long c2, long c3, long c4, long[] r) {
        c1 += c0 >>> 51;
        c0 &= MASK;
        c2 += c1 >>> 51;
        c1 &= MASK;
        c3 += c2 >>> 51;
        c2 &= MASK;
        c4 += c3 >>> 51;
        c3 &= MASK;
        c0 += 19 * (c4 >>> 51);
        c4 &= MASK;
        c1 += c0 >>> 51;
        c0 &= MASK;
        r[0] = c0;
        r[1] = c1;
        r[2] = c2;
        r[3] = c3;
        r[4] = c4;
    }

    private static long littleEndian64(byte[] in, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (in[off + i] & 0xFF);
        }
        return v;
    }

    private static void putLittleEndian64(long v, byte[] out, int off) {
        for (int i = 0; i < 8; i++) {
            out[off + i] = (byte) (v >>> (8 * i));
        }
    }
}
