package nym.crypto.internal;

/**
 * Arithmetic modulo p = 2^255 − 19 on five 64-bit limbs of radix 2^51 (a value is Σ aᵢ·2^(51·i)),
 * with 128-bit products from {@link Math#multiplyHigh}: 15 limb products for a product (25 for
 * schoolbook, 100 on Bouncy Castle's ten 25.5-bit limbs) and 15 for a square, which is what makes the
 * ladder faster. Inversion is {@link DivstepInversion}.
 *
 * <p>Limb bounds, which every caller must keep: {@link #mul} and {@link #sqr} return "tight" limbs
 * (at most 2^51) and accept limbs below 2^53. {@link #add} of two tight elements gives limbs below
 * 2^52.1; {@link #sub} needs a tight subtrahend and adds 2p, so its result stays below the minuend's
 * bound plus 2^52. {@link #sumAndDifference} and {@link #cswapSumsAndDifferences} are add and sub
 * together, with the same bounds. {@link #mul121665Add} takes e below 2^54 (the ladder's E, a sub
 * of tight elements) and a tight aa, and returns limbs of about 2^52 at most, not tight: fine for
 * mul and sqr, not as a subtrahend. Every limb is non-negative throughout.
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
    /** {@link #mul}'s pre-shifts: a pair sum of limbs below 2^53 stays below 2^61 after them. */
    private static final int KA = 7;
    private static final int KB = 6;
    /** The low product's shift left, 64 − 51. */
    private static final int LOW_SHIFT = KA + KB;
    /**
     * 256p, limb by limb, which {@link #mul} adds before carrying: a low part of a difference may be
     * as low as −2^57.3 once folded by 19, and a negative limb at position 5 or above would fold into a
     * negative value. With the bias every limb is positive, and the sums stay below 2^62.
     */
    private static final long BIAS0 = 256 * ((1L << 51) - 19);
    private static final long BIAS = 256 * ((1L << 51) - 1);

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
     * The start of a ladder step ({@link MontgomeryLadder}): (x2, z2) and (x3, z3) swapped if
     * {@code swap} is 1, in registers only, then a = x2 + z2, b = x2 − z2, c = x3 + z3 and
     * d = x3 − z3 of the swapped values (the differences plus 2p, as {@link #sub}). The four inputs
     * are left as they were, since the step overwrites every one of them; they must be tight.
     */
    public static void cswapSumsAndDifferences(long swap, long[] x2, long[] z2, long[] x3, long[] z3,
            long[] a, long[] b, long[] c, long[] d) {
        long mask = -swap;
        for (int i = 0; i < LIMBS; i++) {
            long t = mask & (x2[i] ^ x3[i]);
            long u = mask & (z2[i] ^ z3[i]);
            long sx2 = x2[i] ^ t, sx3 = x3[i] ^ t, sz2 = z2[i] ^ u, sz3 = z3[i] ^ u;
            long twoP = i == 0 ? TWO_P0 : TWO_P;
            a[i] = sx2 + sz2;
            b[i] = sx2 + twoP - sz2;
            c[i] = sx3 + sz3;
            d[i] = sx3 + twoP - sz3;
        }
    }

    /** s = a + b and d = a − b + 2p in one pass, without carrying; {@code b} must be tight. */
    public static void sumAndDifference(long[] a, long[] b, long[] s, long[] d) {
        for (int i = 0; i < LIMBS; i++) {
            long x = a[i], y = b[i];
            s[i] = x + y;
            d[i] = x + (i == 0 ? TWO_P0 : TWO_P) - y;
        }
    }

    /**
     * r = a·b, for limbs below 2^53, with 15 limb products instead of 25: the five squares' worth
     * aᵢbᵢ and, for each pair i < j, (aᵢ + aⱼ)(bᵢ + bⱼ), from which aᵢbⱼ + aⱼbᵢ is the difference.
     * Each product is split at bit 51 by pre-shifting the factors left by {@link #KA} and {@link #KB}
     * (together 64 − 51): {@code multiplyHigh} then returns the bits from 51 up and the plain product
     * the low 51 bits, shifted left by 13. The limb products are most of the ladder's cost: ten fewer
     * made it 9 % faster, and left the integer units as busy as the multiplier (docs/performance.md).
     *
     * <p>Bounds: a pair sum is below 2^54, so the shifted sums stay below 2^61; every coefficient's
     * high part is below 2^57.4, so 19 times it, plus the bias, stays below 2^62. The low parts of a
     * difference may be negative; {@link #BIAS} makes every limb positive before the carries.
     */
    public static void mul(long[] a, long[] b, long[] r) {
        long a0 = a[0] << KA, a1 = a[1] << KA, a2 = a[2] << KA, a3 = a[3] << KA, a4 = a[4] << KA;
        long b0 = b[0] << KB, b1 = b[1] << KB, b2 = b[2] << KB, b3 = b[3] << KB, b4 = b[4] << KB;
        long dr0 = (a0 * b0) >>> LOW_SHIFT, dh0 = Math.multiplyHigh(a0, b0);
        long dr1 = (a1 * b1) >>> LOW_SHIFT, dh1 = Math.multiplyHigh(a1, b1);
        long dr2 = (a2 * b2) >>> LOW_SHIFT, dh2 = Math.multiplyHigh(a2, b2);
        long dr3 = (a3 * b3) >>> LOW_SHIFT, dh3 = Math.multiplyHigh(a3, b3);
        long dr4 = (a4 * b4) >>> LOW_SHIFT, dh4 = Math.multiplyHigh(a4, b4);
        long s01 = a0 + a1, t01 = b0 + b1;
        long xr01 = ((s01 * t01) >>> LOW_SHIFT) - dr0 - dr1;
        long xh01 = Math.multiplyHigh(s01, t01) - dh0 - dh1;
        long s02 = a0 + a2, t02 = b0 + b2;
        long xr02 = ((s02 * t02) >>> LOW_SHIFT) - dr0 - dr2;
        long xh02 = Math.multiplyHigh(s02, t02) - dh0 - dh2;
        long s03 = a0 + a3, t03 = b0 + b3;
        long xr03 = ((s03 * t03) >>> LOW_SHIFT) - dr0 - dr3;
        long xh03 = Math.multiplyHigh(s03, t03) - dh0 - dh3;
        long s04 = a0 + a4, t04 = b0 + b4;
        long xr04 = ((s04 * t04) >>> LOW_SHIFT) - dr0 - dr4;
        long xh04 = Math.multiplyHigh(s04, t04) - dh0 - dh4;
        long s12 = a1 + a2, t12 = b1 + b2;
        long xr12 = ((s12 * t12) >>> LOW_SHIFT) - dr1 - dr2;
        long xh12 = Math.multiplyHigh(s12, t12) - dh1 - dh2;
        long s13 = a1 + a3, t13 = b1 + b3;
        long xr13 = ((s13 * t13) >>> LOW_SHIFT) - dr1 - dr3;
        long xh13 = Math.multiplyHigh(s13, t13) - dh1 - dh3;
        long s14 = a1 + a4, t14 = b1 + b4;
        long xr14 = ((s14 * t14) >>> LOW_SHIFT) - dr1 - dr4;
        long xh14 = Math.multiplyHigh(s14, t14) - dh1 - dh4;
        long s23 = a2 + a3, t23 = b2 + b3;
        long xr23 = ((s23 * t23) >>> LOW_SHIFT) - dr2 - dr3;
        long xh23 = Math.multiplyHigh(s23, t23) - dh2 - dh3;
        long s24 = a2 + a4, t24 = b2 + b4;
        long xr24 = ((s24 * t24) >>> LOW_SHIFT) - dr2 - dr4;
        long xh24 = Math.multiplyHigh(s24, t24) - dh2 - dh4;
        long s34 = a3 + a4, t34 = b3 + b4;
        long xr34 = ((s34 * t34) >>> LOW_SHIFT) - dr3 - dr4;
        long xh34 = Math.multiplyHigh(s34, t34) - dh3 - dh4;
        long r0 = dr0, h0 = dh0;
        long r1 = xr01, h1 = xh01;
        long r2 = dr1 + xr02, h2 = dh1 + xh02;
        long r3 = xr03 + xr12, h3 = xh03 + xh12;
        long r4 = dr2 + xr04 + xr13, h4 = dh2 + xh04 + xh13;
        long r5 = xr14 + xr23, h5 = xh14 + xh23;
        long r6 = dr3 + xr24, h6 = dh3 + xh24;
        long r7 = xr34, h7 = xh34;
        long r8 = dr4, h8 = dh4;
        long v0 = r0 + 19 * (r5 + h4) + BIAS0;
        long v1 = r1 + h0 + 19 * (r6 + h5) + BIAS;
        long v2 = r2 + h1 + 19 * (r7 + h6) + BIAS;
        long v3 = r3 + h2 + 19 * (r8 + h7) + BIAS;
        long v4 = r4 + h3 + 19 * h8 + BIAS;
        v1 += v0 >>> 51;
        v0 &= MASK;
        v2 += v1 >>> 51;
        v1 &= MASK;
        v3 += v2 >>> 51;
        v2 &= MASK;
        v4 += v3 >>> 51;
        v3 &= MASK;
        v0 += 19 * (v4 >>> 51);
        v4 &= MASK;
        v1 += v0 >>> 51;
        v0 &= MASK;
        r[0] = v0;
        r[1] = v1;
        r[2] = v2;
        r[3] = v3;
        r[4] = v4;
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

    /**
     * r = 121665·e + aa, the E·a24 + AA of the ladder's doubling (a24 = (A − 2)/4 of Curve25519);
     * for tight aa the limbs stay below 2^52.
     */
    public static void mul121665Add(long[] e, long[] aa, long[] r) {
        final long k = 121665;
        final long kS = k << B_SHIFT;
        long e0 = e[0], e1 = e[1], e2 = e[2], e3 = e[3], e4 = e[4];
        carry(e0 * k, e1 * k, e2 * k, e3 * k, e4 * k,
                Math.multiplyHigh(e0 << A_SHIFT, kS), Math.multiplyHigh(e1 << A_SHIFT, kS),
                Math.multiplyHigh(e2 << A_SHIFT, kS), Math.multiplyHigh(e3 << A_SHIFT, kS),
                Math.multiplyHigh(e4 << A_SHIFT, kS), r);
        add(r, aa, r);
    }

    /**
     * r = 1/a (and 0 for 0), for limbs below 2^63, by Bernstein and Yang's constant-time divsteps
     * ({@link DivstepInversion}): 2.4 µs against 3.8 for Fermat's a^(p−2), whose 254 squarings each
     * wait on the last. r is tight and may be a; nothing is allocated.
     */
    public static void invert(long[] a, long[] r) {
        DivstepInversion.invert(a, r);
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
        encode(a, out, off, create());
    }

    /**
     * {@link #encode(long[], byte[], int)} with a caller-owned temporary {@code t}, which may be
     * {@code a} itself; it is left zero.
     */
    public static void encode(long[] a, byte[] out, int off, long[] t) {
        canonical(a, t);
        putLittleEndian64(t[0] | (t[1] << 51), out, off);
        putLittleEndian64((t[1] >>> 13) | (t[2] << 38), out, off + 8);
        putLittleEndian64((t[2] >>> 26) | (t[3] << 25), out, off + 16);
        putLittleEndian64((t[3] >>> 39) | (t[4] << 12), out, off + 24);
        java.util.Arrays.fill(t, 0); // the value itself, which may be a secret
    }

    /** t = a fully reduced: the unique limbs below 2^51 of the value mod p; t may be a. */
    static void canonical(long[] a, long[] t) {
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
    }

    /**
     * For {@link #sqr} and {@link #mul121665Add}: r = Σ (Lᵢ + hᵢ·2^51)·2^(51·i), carried to tight
     * limbs, where Lᵢ = lᵢ − hᵢ·2^51 mod 2^64 is the sum of the low 51-bit parts (lᵢ holds the low 64
     * bits of the whole sum). The h₄ that leaves the top wraps around times 19 (2^255 ≡ 19), split
     * at bit 51 so that 19·h₄ cannot overflow.
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
