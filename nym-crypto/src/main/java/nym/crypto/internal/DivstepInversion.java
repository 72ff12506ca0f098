package nym.crypto.internal;

import java.util.Arrays;

/**
 * Inversion modulo p = 2^255 − 19 by Bernstein and Yang's constant-time "divsteps" (the half-delta
 * variant of "Fast constant-time gcd computation and modular inversion", 2019), instead of
 * Fermat's a^(p−2). Fermat's chain is 254 squarings that each wait on the last; here the steps are
 * a few additions and shifts on one 64-bit word, and the big numbers are touched only ten times.
 *
 * <p>The state is f = p, g = a, d = 0, e = 1, keeping d·a ≡ f and e·a ≡ g (mod p). Ten rounds of 59
 * divsteps (590 in all, the bound for inputs below 2^256) each act on the low word of f and g and
 * give a 2×2 matrix, scaled by 2^62, that is then applied to f and g (exactly divisible by 2^62) and
 * to d and e (made divisible by adding a multiple of p). At the end g = 0 and f = ±1, so a^−1 = ±d.
 * For a = 0 the result is 0, as with Fermat.
 *
 * <p>Numbers are five signed limbs of radix 2^62: limbs 0 to 3 in [0, 2^62), the top limb signed.
 * Constant time: the same operations in the same order for every input; every choice is a mask.
 * The state lives in a per-thread array, zeroed after each inversion.
 */
final class DivstepInversion {
    private static final long M62 = (1L << 62) - 1;
    private static final long M51 = (1L << 51) - 1;
    private static final int LIMBS = 5;
    private static final int ROUNDS = 10;
    private static final int STEPS = 59;
    /** The matrix starts at 2^3 so that 59 steps leave it scaled by exactly 2^62. */
    private static final long START = 1L << (62 - STEPS);
    /** p in radix 2^62: 2^62 − 19, three times 2^62 − 1, then 2^7 − 1. */
    private static final long P0 = M62 - 18;
    private static final long P4 = (1L << 7) - 1;
    /** 19^−1 mod 2^64: p ≡ −19 (mod 2^62), so m·p cancels the low limb when m = x·19^−1. */
    private static final long INV19 = inverseMod2To64(19);

    private static final int F = 0;
    private static final int G = F + LIMBS;
    private static final int D = G + LIMBS;
    private static final int E = D + LIMBS;
    private static final int MATRIX = E + LIMBS;
    private static final ThreadLocal<long[]> STATE = ThreadLocal.withInitial(() -> new long[MATRIX + 4]);

    private DivstepInversion() {}

    /** r = 1/a mod p (0 for a ≡ 0), for {@link Field51} limbs below 2^63; r is tight and may be a. */
    static void invert(long[] a, long[] r) {
        long[] s = STATE.get();
        try {
            Field51.canonical(a, r);
            s[G] = (r[0] | (r[1] << 51)) & M62;
            s[G + 1] = ((r[1] >>> 11) | (r[2] << 40)) & M62;
            s[G + 2] = ((r[2] >>> 22) | (r[3] << 29)) & M62;
            s[G + 3] = ((r[3] >>> 33) | (r[4] << 18)) & M62;
            s[G + 4] = r[4] >>> 44;
            s[F] = P0;
            s[F + 1] = M62;
            s[F + 2] = M62;
            s[F + 3] = M62;
            s[F + 4] = P4;
            Arrays.fill(s, D, E + LIMBS, 0);
            s[E] = 1;

            long zeta = -1; // −(δ + 1/2) with δ = 1/2
            for (int round = 0; round < ROUNDS; round++) {
                zeta = divsteps(zeta, s[F], s[G], s);
                updateDe(s);
                updateFg(s);
            }
            // f = ±1: a^−1 = d·f.
            negateIf(s, D, s[F + 4] >> 63);
            r[0] = s[D] & M51;
            r[1] = ((s[D] >>> 51) | (s[D + 1] << 11)) & M51;
            r[2] = ((s[D + 1] >>> 40) | (s[D + 2] << 22)) & M51;
            r[3] = ((s[D + 2] >>> 29) | (s[D + 3] << 33)) & M51;
            r[4] = ((s[D + 3] >>> 18) | (s[D + 4] << 44)) & M51;
        } finally {
            Arrays.fill(s, 0);
        }
    }

    /**
     * 59 half-delta divsteps on the low words of f and g. Writes the transition matrix (u, v; q, r),
     * with 2^62·(f', g') = (u·f + v·g, q·f + r·g), to {@code s[MATRIX..MATRIX+4)}.
     *
     * @return the new ζ
     */
    private static long divsteps(long zeta, long f, long g, long[] s) {
        long u = START;
        long v = 0;
        long q = 0;
        long r = START;
        for (int i = 0; i < STEPS; i++) {
            long negative = zeta >> 63; // δ > 0
            long odd = -(g & 1);
            // g odd: g += f (δ ≤ 0) or g −= f (δ > 0), the g row following
            g += ((f ^ negative) - negative) & odd;
            q += ((u ^ negative) - negative) & odd;
            r += ((v ^ negative) - negative) & odd;
            long swap = negative & odd; // δ > 0 and g odd: f takes the old g
            zeta = (zeta ^ swap) - 1;
            f += g & swap;
            u += q & swap;
            v += r & swap;
            g >>= 1;
            u <<= 1;
            v <<= 1;
        }
        s[MATRIX] = u;
        s[MATRIX + 1] = v;
        s[MATRIX + 2] = q;
        s[MATRIX + 3] = r;
        return zeta;
    }

    /** (f, g) = (u·f + v·g, q·f + r·g) / 2^62, exact. */
    private static void updateFg(long[] s) {
        long u = s[MATRIX];
        long v = s[MATRIX + 1];
        long q = s[MATRIX + 2];
        long r = s[MATRIX + 3];
        long fLo = 0;
        long fHi = 0;
        long gLo = 0;
        long gHi = 0;
        for (int i = 0; i < LIMBS; i++) {
            long fi = s[F + i];
            long gi = s[G + i];
            long p = u * fi;
            long n = fLo + p;
            fHi += Math.multiplyHigh(u, fi) + carry(fLo, p, n);
            fLo = n;
            p = v * gi;
            n = fLo + p;
            fHi += Math.multiplyHigh(v, gi) + carry(fLo, p, n);
            fLo = n;
            p = q * fi;
            n = gLo + p;
            gHi += Math.multiplyHigh(q, fi) + carry(gLo, p, n);
            gLo = n;
            p = r * gi;
            n = gLo + p;
            gHi += Math.multiplyHigh(r, gi) + carry(gLo, p, n);
            gLo = n;
            if (i > 0) {
                s[F + i - 1] = fLo & M62;
                s[G + i - 1] = gLo & M62;
            }
            fLo = (fLo >>> 62) | (fHi << 2);
            fHi >>= 62;
            gLo = (gLo >>> 62) | (gHi << 2);
            gHi >>= 62;
        }
        s[F + 4] = fLo;
        s[G + 4] = gLo;
    }

    /**
     * (d, e) = (u·d + v·e + m·p, q·d + r·e + n·p) / 2^62, with m and n chosen below 2^62 so that the
     * division is exact, then brought back into [0, p): from [0, p) the result lies in (−p, 2p).
     */
    private static void updateDe(long[] s) {
        long u = s[MATRIX];
        long v = s[MATRIX + 1];
        long q = s[MATRIX + 2];
        long r = s[MATRIX + 3];
        long md = ((u * s[D] + v * s[E]) * INV19) & M62;
        long me = ((q * s[D] + r * s[E]) * INV19) & M62;
        // m·p = −19·m at limb 0 and 2^7·m at limb 4
        long dLo = -19 * md;
        long dHi = Math.multiplyHigh(md, -19);
        long eLo = -19 * me;
        long eHi = Math.multiplyHigh(me, -19);
        for (int i = 0; i < LIMBS; i++) {
            long di = s[D + i];
            long ei = s[E + i];
            if (i == LIMBS - 1) {
                long p = md << 7;
                long n = dLo + p;
                dHi += (md >>> 57) + carry(dLo, p, n);
                dLo = n;
                p = me << 7;
                n = eLo + p;
                eHi += (me >>> 57) + carry(eLo, p, n);
                eLo = n;
            }
            long p = u * di;
            long n = dLo + p;
            dHi += Math.multiplyHigh(u, di) + carry(dLo, p, n);
            dLo = n;
            p = v * ei;
            n = dLo + p;
            dHi += Math.multiplyHigh(v, ei) + carry(dLo, p, n);
            dLo = n;
            p = q * di;
            n = eLo + p;
            eHi += Math.multiplyHigh(q, di) + carry(eLo, p, n);
            eLo = n;
            p = r * ei;
            n = eLo + p;
            eHi += Math.multiplyHigh(r, ei) + carry(eLo, p, n);
            eLo = n;
            if (i > 0) {
                s[D + i - 1] = dLo & M62;
                s[E + i - 1] = eLo & M62;
            }
            dLo = (dLo >>> 62) | (dHi << 2);
            dHi >>= 62;
            eLo = (eLo >>> 62) | (eHi << 2);
            eHi >>= 62;
        }
        s[D + 4] = dLo;
        s[E + 4] = eLo;
        reduce(s, D);
        reduce(s, E);
    }

    /** x in (−p, 2p) at {@code s[off..off+5)} becomes x mod p in [0, p). */
    private static void reduce(long[] s, int off) {
        long negative = s[off + 4] >> 63;
        long c = s[off] + (P0 & negative);
        s[off] = c & M62;
        c = (c >> 62) + s[off + 1] + (M62 & negative);
        s[off + 1] = c & M62;
        c = (c >> 62) + s[off + 2] + (M62 & negative);
        s[off + 2] = c & M62;
        c = (c >> 62) + s[off + 3] + (M62 & negative);
        s[off + 3] = c & M62;
        s[off + 4] = (c >> 62) + s[off + 4] + (P4 & negative);

        long t0 = s[off] - P0;
        long t1 = (t0 >> 62) + s[off + 1] - M62;
        long t2 = (t1 >> 62) + s[off + 2] - M62;
        long t3 = (t2 >> 62) + s[off + 3] - M62;
        long t4 = (t3 >> 62) + s[off + 4] - P4;
        long keep = t4 >> 63; // x < p
        s[off] = (s[off] & keep) | (t0 & M62 & ~keep);
        s[off + 1] = (s[off + 1] & keep) | (t1 & M62 & ~keep);
        s[off + 2] = (s[off + 2] & keep) | (t2 & M62 & ~keep);
        s[off + 3] = (s[off + 3] & keep) | (t3 & M62 & ~keep);
        s[off + 4] = (s[off + 4] & keep) | (t4 & ~keep);
    }

    /** x in [0, p) at {@code s[off..off+5)} becomes p − x when {@code mask} is −1 (p ≡ 0, tight). */
    private static void negateIf(long[] s, int off, long mask) {
        long t0 = P0 - s[off];
        long t1 = (t0 >> 62) + M62 - s[off + 1];
        long t2 = (t1 >> 62) + M62 - s[off + 2];
        long t3 = (t2 >> 62) + M62 - s[off + 3];
        long t4 = (t3 >> 62) + P4 - s[off + 4];
        s[off] = (s[off] & ~mask) | (t0 & M62 & mask);
        s[off + 1] = (s[off + 1] & ~mask) | (t1 & M62 & mask);
        s[off + 2] = (s[off + 2] & ~mask) | (t2 & M62 & mask);
        s[off + 3] = (s[off + 3] & ~mask) | (t3 & M62 & mask);
        s[off + 4] = (s[off + 4] & ~mask) | (t4 & mask);
    }

    /** The carry out of the unsigned 64-bit addition a + b = sum, 0 or 1, without a branch. */
    private static long carry(long a, long b, long sum) {
        return ((a & b) | ((a | b) & ~sum)) >>> 63;
    }

    /** x^−1 mod 2^64 for odd x, by Newton's iteration (each step doubles the correct bits). */
    private static long inverseMod2To64(long x) {
        long y = x; // correct to 3 bits: x·x ≡ 1 (mod 8) for odd x
        for (int i = 0; i < 5; i++) {
            y *= 2 - x * y;
        }
        return y;
    }
}
