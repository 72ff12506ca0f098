package nym.crypto.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Many unrelated ladder multiplications at once: the lane-parallel {@link LaneLadder} for groups
 * large enough to pay, {@link MontgomeryLadder} otherwise. The results are
 * {@link MontgomeryLadder#multiply}'s, byte for byte, either way.
 *
 * <p>Lanes are used only after {@link #warmUp} has measured that they pay on this JVM: a pass over
 * the lanes costs 3 to 3.3 scalar ladders with eight AVX-512 lanes and C2, but 260 to 300 when the
 * Vector API is not compiled (C1 only, as the client's launcher runs), so module presence alone
 * cannot decide.
 */
public final class LadderBatch {
    /** Lane passes of the warm-up: measured on a cold JVM, the 50th is down to its compiled time. */
    private static final int WARM_UP_CALLS = 100;
    /** The warm-up stops early after this long: then the lanes are not compiled and will not pay. */
    private static final long WARM_UP_BUDGET_NANOS = 3_000_000_000L;
    /** Timed runs of each kind after the warm-up; the fastest of each is compared. */
    private static final int TIMED_RUNS = 5;
    private static final AtomicBoolean WARMED = new AtomicBoolean();
    /** The fewest pairs worth a lane pass, as measured; 0 while unmeasured or when lanes never pay. */
    private static volatile int laneGroup;

    private LadderBatch() {}

    /**
     * @param scalars 32-byte scalars, bit 255 ignored
     * @param points 32-byte u-coordinates, as many as scalars
     * @return {@code scalars[i] · points[i]} for every i, each a new 32-byte array
     */
    public static byte[][] multiply(byte[][] scalars, byte[][] points) {
        if (scalars.length != points.length) {
            throw new IllegalArgumentException(scalars.length + " scalars for " + points.length + " points");
        }
        byte[][] outs = new byte[scalars.length][MontgomeryLadder.LENGTH];
        int group = laneGroup;
        int lanes = group > 0 ? LaneLadder.LANES : 1;
        for (int from = 0; from < scalars.length; from += lanes) {
            int count = Math.min(lanes, scalars.length - from);
            if (group > 0 && count >= group) {
                LaneLadder.multiply(scalars, points, outs, from, count);
            } else {
                for (int i = from; i < from + count; i++) {
                    MontgomeryLadder.multiply(scalars[i], points[i], outs[i]);
                }
            }
        }
        return outs;
    }

    /**
     * Runs {@link #warmUp} the first time (so the answer is a measured one), then answers at once.
     *
     * @return how many pairs one lane pass multiplies when the lanes pay on this JVM, else 1
     */
    public static int preferredBatchSize() {
        warmUp();
        return laneGroup > 0 ? LaneLadder.LANES : 1;
    }

    /**
     * Compiles the lane-parallel ladder on fixed public inputs, then times a lane pass against the
     * scalar ladder and turns the lanes on for the group sizes where they are faster. Once per JVM,
     * about 0.6 s with C2 (at most about 3.3 s when the lanes turn out not to be compiled); nothing
     * when {@link VectorSupport} says the lanes are not available.
     */
    public static void warmUp() {
        if (!VectorSupport.lanesAvailable() || !WARMED.compareAndSet(false, true)) {
            return;
        }
        int lanes = LaneLadder.LANES;
        byte[][] scalars = new byte[lanes][MontgomeryLadder.LENGTH];
        byte[][] points = new byte[lanes][MontgomeryLadder.LENGTH];
        byte[][] outs = new byte[lanes][MontgomeryLadder.LENGTH];
        for (int lane = 0; lane < lanes; lane++) {
            scalars[lane][0] = (byte) (lane + 1);
            scalars[lane][MontgomeryLadder.LENGTH - 1] = 0x40;
            points[lane][0] = 9;
        }
        long deadline = System.nanoTime() + WARM_UP_BUDGET_NANOS;
        for (int i = 0; i < WARM_UP_CALLS && System.nanoTime() < deadline; i++) {
            LaneLadder.multiply(scalars, points, outs, 0, lanes);
            MontgomeryLadder.multiply(scalars[0], points[0], outs[0]);
        }
        long lanePass = Long.MAX_VALUE;
        long scalarLadder = Long.MAX_VALUE;
        for (int i = 0; i < TIMED_RUNS; i++) {
            long start = System.nanoTime();
            LaneLadder.multiply(scalars, points, outs, 0, lanes);
            long middle = System.nanoTime();
            MontgomeryLadder.multiply(scalars[0], points[0], outs[0]);
            long end = System.nanoTime();
            lanePass = Math.min(lanePass, middle - start);
            scalarLadder = Math.min(scalarLadder, end - middle);
        }
        laneGroup = laneGroupFor((double) lanePass / Math.max(1, scalarLadder), lanes);
    }

    /**
     * @param passOverLadder what a lane pass costs, in scalar ladders
     * @return the fewest pairs for which a pass is cheaper than that many ladders (at least 2), or 0
     *     if even a full pass is not
     */
    static int laneGroupFor(double passOverLadder, int lanes) {
        if (!(passOverLadder < lanes)) { // also NaN
            return 0;
        }
        return Math.max(2, (int) Math.floor(passOverLadder) + 1);
    }
}
