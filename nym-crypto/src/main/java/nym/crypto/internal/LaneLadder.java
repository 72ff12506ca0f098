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
    private static final ThreadLocal<LadderScratch> SCRATCH =
            ThreadLocal.withInitial(() -> new LadderScratch(LaneField.LIMBS * LANES));

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
        LadderScratch scratch = SCRATCH.get();
        try {
            multiply(scalars, us, outs, from, count, scratch);
        } finally {
            scratch.wipe();
        }
    }

    private static void multiply(byte[][] scalars, byte[][] us, byte[][] outs, int from, int count,
            LadderScratch s) {
        s.wipe(); // every element starts at zero, whatever the last use left
        long[] limbs = Field51.create();
        for (int lane = 0; lane < count; lane++) {
            Field51.decode(us[from + lane], 0, limbs);
            LaneField.setLane(s.x1, lane, limbs);
        }
        java.util.Arrays.fill(limbs, 0);
        System.arraycopy(s.x1, 0, s.x3, 0, s.x1.length);
        for (int lane = 0; lane < LANES; lane++) {
            s.x2[lane] = 1; // x2 = 1, z2 = 0: the point at infinity
            s.z3[lane] = 1;
        }

        long[] swap = new long[LANES];
        long[] masks = new long[LANES];
        for (int t = 254; t >= 0; t--) {
            for (int lane = 0; lane < count; lane++) {
                long bit = (scalars[from + lane][t >>> 3] >>> (t & 7)) & 1;
                masks[lane] = -(swap[lane] ^ bit);
                swap[lane] = bit;
            }
            LaneField.cswap(masks, s.x2, s.x3);
            LaneField.cswap(masks, s.z2, s.z3);

            LaneField.add(s.x2, s.z2, s.a); // A = x2 + z2
            LaneField.sub(s.x2, s.z2, s.b); // B = x2 − z2
            LaneField.sqr(s.a, s.aa);
            LaneField.sqr(s.b, s.bb);
            LaneField.sub(s.aa, s.bb, s.e); // E = AA − BB
            LaneField.add(s.x3, s.z3, s.c); // C = x3 + z3
            LaneField.sub(s.x3, s.z3, s.d); // D = x3 − z3
            LaneField.mul(s.d, s.a, s.d); // DA
            LaneField.mul(s.c, s.b, s.c); // CB
            LaneField.add(s.d, s.c, s.x3);
            LaneField.sub(s.d, s.c, s.z3);
            LaneField.sqr(s.x3, s.x3); // (DA + CB)²
            LaneField.sqr(s.z3, s.z3);
            LaneField.mul(s.z3, s.x1, s.z3); // x1·(DA − CB)²
            LaneField.mul(s.aa, s.bb, s.x2); // AA·BB
            LaneField.mul121665(s.e, s.z2);
            LaneField.add(s.z2, s.aa, s.z2);
            LaneField.mul(s.z2, s.e, s.z2); // E·(AA + a24·E)
        }
        for (int lane = 0; lane < LANES; lane++) {
            masks[lane] = -swap[lane];
        }
        LaneField.cswap(masks, s.x2, s.x3);
        LaneField.cswap(masks, s.z2, s.z3);
        java.util.Arrays.fill(swap, 0); // the scalars' bits
        java.util.Arrays.fill(masks, 0);

        long[][] xs = new long[count][];
        long[][] zs = new long[count][];
        try {
            for (int lane = 0; lane < count; lane++) {
                xs[lane] = Field51.create();
                zs[lane] = Field51.create();
                LaneField.getLane(s.x2, lane, xs[lane]);
                LaneField.getLane(s.z2, lane, zs[lane]);
            }
            BatchInversion.invertAll(zs);
            for (int lane = 0; lane < count; lane++) {
                Field51.mul(xs[lane], zs[lane], xs[lane]);
                Field51.encode(xs[lane], outs[from + lane], 0);
            }
        } finally {
            for (int lane = 0; lane < count; lane++) {
                java.util.Arrays.fill(xs[lane], 0); // the results, and 1/z
                java.util.Arrays.fill(zs[lane], 0);
            }
        }
    }
}
