package nym.crypto.internal;

/**
 * {@link MontgomeryLadder} for up to {@link #LANES} independent (scalar, u) pairs at once, one per
 * vector lane of {@link LaneField}, with one inversion for all of them ({@link BatchInversion}).
 * The step is {@link MontgomeryLadder}'s, written for lanes. The results are those of
 * {@link MontgomeryLadder#multiply} byte for byte; unused lanes cost as much as used ones.
 *
 * <p>Constant time in every scalar: each lane's conditional swaps are masks built from its own bit,
 * and every step runs the same vector operations whatever the bits are.
 */
public final class LaneLadder {
    /** Pairs multiplied at once. */
    public static final int LANES = LaneField.LANES;

    private LaneLadder() {}

    /**
     * Computes {@code outs[from + i] = scalars[from + i] · us[from + i]} for {@code i < count}.
     *
     * @param count at most {@link #LANES}
     */
    public static void multiply(byte[][] scalars, byte[][] us, byte[][] outs, int from, int count) {
        if (count < 0 || count > LANES) {
            throw new IllegalArgumentException("count " + count + " not in 0.." + LANES);
        }
        long[] x1 = LaneField.create();
        long[] limbs = Field51.create();
        for (int lane = 0; lane < count; lane++) {
            Field51.decode(us[from + lane], 0, limbs);
            LaneField.setLane(x1, lane, limbs);
        }
        long[] x2 = LaneField.create();
        long[] z2 = LaneField.create();
        long[] x3 = x1.clone();
        long[] z3 = LaneField.create();
        for (int lane = 0; lane < LANES; lane++) {
            x2[lane] = 1;
            z3[lane] = 1;
        }
        long[] a = LaneField.create();
        long[] aa = LaneField.create();
        long[] b = LaneField.create();
        long[] bb = LaneField.create();
        long[] e = LaneField.create();
        long[] c = LaneField.create();
        long[] d = LaneField.create();

        long[] swap = new long[LANES];
        long[] masks = new long[LANES];
        for (int t = 254; t >= 0; t--) {
            for (int lane = 0; lane < count; lane++) {
                long bit = (scalars[from + lane][t >>> 3] >>> (t & 7)) & 1;
                masks[lane] = -(swap[lane] ^ bit);
                swap[lane] = bit;
            }
            LaneField.cswap(masks, x2, x3);
            LaneField.cswap(masks, z2, z3);

            LaneField.add(x2, z2, a); // A = x2 + z2
            LaneField.sub(x2, z2, b); // B = x2 − z2
            LaneField.sqr(a, aa);
            LaneField.sqr(b, bb);
            LaneField.sub(aa, bb, e); // E = AA − BB
            LaneField.add(x3, z3, c); // C = x3 + z3
            LaneField.sub(x3, z3, d); // D = x3 − z3
            LaneField.mul(d, a, d); // DA
            LaneField.mul(c, b, c); // CB
            LaneField.add(d, c, x3);
            LaneField.sub(d, c, z3);
            LaneField.sqr(x3, x3); // (DA + CB)²
            LaneField.sqr(z3, z3);
            LaneField.mul(z3, x1, z3); // x1·(DA − CB)²
            LaneField.mul(aa, bb, x2); // AA·BB
            LaneField.mul121665(e, z2);
            LaneField.add(z2, aa, z2);
            LaneField.mul(z2, e, z2); // E·(AA + a24·E)
        }
        for (int lane = 0; lane < LANES; lane++) {
            masks[lane] = -swap[lane];
        }
        LaneField.cswap(masks, x2, x3);
        LaneField.cswap(masks, z2, z3);

        long[][] xs = new long[count][];
        long[][] zs = new long[count][];
        for (int lane = 0; lane < count; lane++) {
            xs[lane] = Field51.create();
            zs[lane] = Field51.create();
            LaneField.getLane(x2, lane, xs[lane]);
            LaneField.getLane(z2, lane, zs[lane]);
        }
        BatchInversion.invertAll(zs);
        for (int lane = 0; lane < count; lane++) {
            Field51.mul(xs[lane], zs[lane], xs[lane]);
            Field51.encode(xs[lane], outs[from + lane], 0);
        }
    }
}
