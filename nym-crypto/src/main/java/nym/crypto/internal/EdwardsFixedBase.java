package nym.crypto.internal;

import java.math.BigInteger;

/**
 * Fixed-base multiplication for an arbitrary Curve25519 point, given as its Montgomery
 * u-coordinate: a table of multiples on the birationally equivalent twisted Edwards curve
 * (ed25519, −x² + y² = 1 + d·x²·y²) turns {@code k·u} into 64 table additions and one inversion,
 * where the ladder needs 255 steps. Used by the sender for the route's public keys, which change
 * rarely.
 *
 * <p>The map: y = (u − 1)/(u + 1), x from the curve equation by a square root; back, u = (1 + y)/(1 −
 * y) = (Z + Y)/(Z − Y). The sign of x does not matter: [k]P and [k](−P) share their u. A u whose
 * Edwards x does not exist (u on the twist) or is zero, and u = −1, get no table
 * ({@link #precompute} returns {@code null}) and the caller uses the ladder.
 *
 * <p>The table holds, for j = 0..63 and w = 1..8, the point [w·16^j]P as (y + x, y − x, 2d·x·y).
 * The scalar (bit 255 ignored, like the ladder) is written in 64 signed radix-16 digits in [−8, 8];
 * each digit picks its entry by a constant-time scan of the whole row (masks, no secret-dependent
 * branch or index) and a masked conditional negation. The twisted Edwards addition law with a = −1
 * and non-square d is complete, so the identity and small-order points need no special case.
 * Precomputation works on the public point only and need not be constant time.
 */
public final class EdwardsFixedBase {
    /** Bytes of a scalar and of a u-coordinate. */
    public static final int LENGTH = 32;

    private static final int ROWS = 64;
    private static final int ENTRIES = 8;
    private static final int L = Field51.LIMBS;
    /** Longs per table entry: y + x, y − x, 2d·x·y. */
    private static final int ENTRY = 3 * L;

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger SQRT_MINUS_ONE =
            BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    private static final long[] D2 = fieldOf(D.shiftLeft(1).mod(P));
    private static final ThreadLocal<MultiplyScratch> SCRATCH = ThreadLocal.withInitial(MultiplyScratch::new);

    /** The precomputed multiples of one point; immutable once built. */
    public static final class Table {
        private final long[] entries;

        private Table(long[] entries) {
            this.entries = entries;
        }
    }

    private EdwardsFixedBase() {}

    /**
     * Builds the table for the point with u-coordinate {@code u} (bit 255 ignored, u ≥ p used
     * reduced, as by the ladder).
     *
     * @param u 32 bytes little-endian
     * @return the table, or {@code null} when u has no Edwards point with x ≠ 0 (on the twist, or
     *     u ∈ {0, −1}): use the ladder then
     */
    public static Table precompute(byte[] u) {
        long[][] affine = decompress(u);
        if (affine == null) {
            return null;
        }
        // Extended coordinates (X, Y, Z, T) of every multiple, then one batch inversion of the Z's.
        int count = ROWS * ENTRIES;
        long[][] xs = new long[count][];
        long[][] ys = new long[count][];
        long[][] zs = new long[count][];
        Point base = new Point(); // [16^j]P
        Field51.copy(affine[0], base.x);
        Field51.copy(affine[1], base.y);
        Field51.one(base.z);
        Field51.mul(base.x, base.y, base.t);
        Cached cached = new Cached();
        Point acc = new Point();
        Work work = new Work();
        for (int j = 0; j < ROWS; j++) {
            cached.of(base);
            acc.copyOf(base);
            for (int w = 1; w <= ENTRIES; w++) {
                if (w > 1) {
                    add(acc, cached.ypx, cached.ymx, cached.t2d, cached.z2, acc, work);
                }
                int index = j * ENTRIES + (w - 1);
                xs[index] = acc.x.clone();
                ys[index] = acc.y.clone();
                zs[index] = acc.z.clone();
            }
            cached.of(acc); // 8·base
            add(acc, cached.ypx, cached.ymx, cached.t2d, cached.z2, base, work); // 16·base
        }
        BatchInversion.invertAll(zs);
        long[][] inverses = zs;
        long[] entries = new long[count * ENTRY];
        long[] ax = Field51.create();
        long[] ay = Field51.create();
        long[] e = Field51.create();
        for (int i = 0; i < count; i++) {
            Field51.mul(xs[i], inverses[i], ax);
            Field51.mul(ys[i], inverses[i], ay);
            int off = i * ENTRY;
            Field51.add(ay, ax, e);
            Field51.weakReduce(e, e);
            System.arraycopy(e, 0, entries, off, L);
            Field51.sub(ay, ax, e);
            Field51.weakReduce(e, e);
            System.arraycopy(e, 0, entries, off + L, L);
            Field51.mul(ax, ay, e);
            Field51.mul(e, D2, e);
            System.arraycopy(e, 0, entries, off + 2 * L, L);
        }
        return new Table(entries);
    }

    /**
     * Computes {@code out = scalar · P} for the table's point P, in constant time in the scalar.
     * Equal to {@code MontgomeryLadder.multiply(scalar, u, out)} for the u the table was built from.
     *
     * @param scalar 32 bytes little-endian; bit 255 is ignored
     * @param out receives the 32-byte u-coordinate of the product
     */
    public static void multiply(Table table, byte[] scalar, byte[] out) {
        MultiplyScratch scratch = SCRATCH.get();
        int[] digits = scratch.digits;
        Point q = scratch.q;
        Work work = scratch.work;
        // The digits too are written inside the try: a scalar shorter than 32 bytes fails part-way,
        // and the nibbles read until then would otherwise stay in this thread's scratch.
        try {
            for (int i = 0; i < LENGTH; i++) {
                int b = scalar[i] & (i == LENGTH - 1 ? 0x7F : 0xFF);
                digits[2 * i] = b & 15;
                digits[2 * i + 1] = b >>> 4;
            }
            // Signed digits in [−8, 8): the carry keeps every digit but the last in range; the last
            // is at most 7 + 1 = 8 because bit 255 is clear.
            int carry = 0;
            for (int i = 0; i < ROWS - 1; i++) {
                digits[i] += carry;
                carry = (digits[i] + 8) >> 4;
                digits[i] -= carry << 4;
            }
            digits[ROWS - 1] += carry;

            Field51.one(q.y); // the identity: X = 0 and T = 0 (left so by the last wipe), Y = 1, Z = 1
            Field51.one(q.z);
            for (int j = 0; j < ROWS; j++) {
                select(table.entries, j, digits[j], scratch.ypx, scratch.ymx, scratch.t2d, work.e);
                add(q, scratch.ypx, scratch.ymx, scratch.t2d, null, q, work);
            }
            long[] num = work.a;
            long[] den = work.b;
            Field51.add(q.z, q.y, num);
            Field51.sub(q.z, q.y, den);
            Field51.invert(den, den);
            Field51.mul(num, den, num);
            Field51.encode(num, out, 0, work.g);
        } finally {
            scratch.wipe(); // the digits are the scalar's, the points follow from them
        }
    }

    /**
     * (ypx, ymx, t2d) = the table's [|d|·16^j]P, negated if d < 0 (the identity for d = 0), read by
     * scanning the whole row with masks.
     */
    private static void select(long[] entries, int row, int digit, long[] ypx, long[] ymx, long[] t2d,
            long[] neg) {
        int negative = digit >>> 31;
        int abs = (digit ^ -negative) + negative;
        Field51.one(ypx);
        Field51.one(ymx);
        java.util.Arrays.fill(t2d, 0);
        int base = row * ENTRIES * ENTRY;
        for (int w = 1; w <= ENTRIES; w++) {
            long mask = -((((long) (abs ^ w)) - 1) >>> 63);
            int off = base + (w - 1) * ENTRY;
            for (int i = 0; i < L; i++) {
                ypx[i] = (ypx[i] & ~mask) | (entries[off + i] & mask);
                ymx[i] = (ymx[i] & ~mask) | (entries[off + L + i] & mask);
                t2d[i] = (t2d[i] & ~mask) | (entries[off + 2 * L + i] & mask);
            }
        }
        // Negation: (y + x, y − x, 2dxy) ↦ (y − x, y + x, −2dxy).
        Field51.cswap(negative, ypx, ymx);
        java.util.Arrays.fill(neg, 0);
        Field51.sub(neg, t2d, neg);
        long mask = -(long) negative;
        for (int i = 0; i < L; i++) {
            t2d[i] = (t2d[i] & ~mask) | (neg[i] & mask);
        }
    }

    /**
     * r = p + q, formula add-2008-hwcd-3 (complete for a = −1 and non-square d), for p in extended
     * coordinates and q given as (Y + X, Y − X, 2d·T, 2Z); {@code z2 == null} means Z = 1 (a table
     * entry). r may be p.
     */
    private static void add(Point p, long[] ypx, long[] ymx, long[] t2d, long[] z2, Point r, Work w) {
        Field51.sub(p.y, p.x, w.a);
        Field51.mul(w.a, ymx, w.a); // A = (Y1 − X1)(Y2 − X2)
        Field51.add(p.y, p.x, w.b);
        Field51.mul(w.b, ypx, w.b); // B = (Y1 + X1)(Y2 + X2)
        Field51.mul(p.t, t2d, w.c); // C = T1·2d·T2
        if (z2 == null) {
            Field51.add(p.z, p.z, w.d);
            Field51.weakReduce(w.d, w.d); // D = 2·Z1
        } else {
            Field51.mul(p.z, z2, w.d); // D = Z1·2Z2
        }
        Field51.sub(w.b, w.a, w.e); // E
        Field51.sub(w.d, w.c, w.f); // F
        Field51.add(w.d, w.c, w.g); // G
        Field51.add(w.b, w.a, w.h); // H
        Field51.mul(w.e, w.f, r.x);
        Field51.mul(w.g, w.h, r.y);
        Field51.mul(w.f, w.g, r.z);
        Field51.mul(w.e, w.h, r.t);
    }

    /** A point in extended coordinates: x = X/Z, y = Y/Z, x·y = T/Z. */
    private static final class Point {
        final long[] x = Field51.create();
        final long[] y = Field51.create();
        final long[] z = Field51.create();
        final long[] t = Field51.create();

        void copyOf(Point p) {
            Field51.copy(p.x, x);
            Field51.copy(p.y, y);
            Field51.copy(p.z, z);
            Field51.copy(p.t, t);
        }
    }

    /** A point as (Y + X, Y − X, 2d·T, 2Z), tight limbs, ready to be added. */
    private static final class Cached {
        final long[] ypx = Field51.create();
        final long[] ymx = Field51.create();
        final long[] t2d = Field51.create();
        final long[] z2 = Field51.create();

        void of(Point p) {
            Field51.add(p.y, p.x, ypx);
            Field51.weakReduce(ypx, ypx);
            Field51.sub(p.y, p.x, ymx);
            Field51.weakReduce(ymx, ymx);
            Field51.mul(p.t, D2, t2d);
            Field51.add(p.z, p.z, z2);
            Field51.weakReduce(z2, z2);
        }
    }

    /**
     * What one {@link #multiply} works in, per thread: it is called for every hop of every packet a
     * client builds, and these were about a kilobyte of garbage each time. Wiped after each use.
     */
    private static final class MultiplyScratch {
        final int[] digits = new int[ROWS];
        final Point q = new Point();
        final long[] ypx = Field51.create();
        final long[] ymx = Field51.create();
        final long[] t2d = Field51.create();
        final Work work = new Work();
        /** Every element above, listed once so that wiping needs no array per call. */
        private final long[][] elements = {q.x, q.y, q.z, q.t, ypx, ymx, t2d,
            work.a, work.b, work.c, work.d, work.e, work.f, work.g, work.h};

        void wipe() {
            java.util.Arrays.fill(digits, 0);
            for (long[] element : elements) {
                java.util.Arrays.fill(element, 0);
            }
        }
    }

    /** The temporaries of {@link #add}. */
    private static final class Work {
        final long[] a = Field51.create();
        final long[] b = Field51.create();
        final long[] c = Field51.create();
        final long[] d = Field51.create();
        final long[] e = Field51.create();
        final long[] f = Field51.create();
        final long[] g = Field51.create();
        final long[] h = Field51.create();
    }

    /**
     * The affine Edwards point (x, y) for u, or {@code null} if there is none with x ≠ 0. Public
     * data only, so {@link BigInteger} is fine here.
     */
    private static long[][] decompress(byte[] u) {
        byte[] be = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            be[i] = u[LENGTH - 1 - i];
        }
        be[0] &= 0x7F;
        BigInteger uu = new BigInteger(1, be).mod(P);
        BigInteger den = uu.add(BigInteger.ONE).mod(P);
        if (den.signum() == 0) {
            return null;
        }
        BigInteger y = uu.subtract(BigInteger.ONE).multiply(den.modInverse(P)).mod(P);
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger x2 = y2.subtract(BigInteger.ONE)
                .multiply(D.multiply(y2).add(BigInteger.ONE).mod(P).modInverse(P)).mod(P);
        if (x2.signum() == 0) {
            return null;
        }
        BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(x2)) {
            x = x.multiply(SQRT_MINUS_ONE).mod(P);
            if (!x.multiply(x).mod(P).equals(x2)) {
                return null;
            }
        }
        return new long[][] {fieldOf(x), fieldOf(y)};
    }

    private static long[] fieldOf(BigInteger v) {
        byte[] le = new byte[LENGTH];
        byte[] be = v.toByteArray();
        for (int i = 0; i < be.length && i < LENGTH; i++) {
            le[i] = be[be.length - 1 - i];
        }
        long[] r = Field51.create();
        Field51.decode(le, 0, r);
        return r;
    }
}
