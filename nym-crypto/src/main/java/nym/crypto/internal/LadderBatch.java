package nym.crypto.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Many unrelated ladder multiplications at once: the lane-parallel {@link LaneLadder} for groups of
 * at least {@link #minLaneGroup()} pairs when {@link VectorSupport} allows it, {@link MontgomeryLadder}
 * otherwise. The results are {@link MontgomeryLadder#multiply}'s, byte for byte, either way.
 */
public final class LadderBatch {
    /**
     * Lane-parallel ladders run at warm-up: measured on a cold JVM, the first calls take 15 to 125 ms
     * each (interpreted, vectors boxed) and the 50th is down to its compiled 0.15 ms.
     */
    private static final int WARM_UP_CALLS = 100;
    private static final AtomicBoolean WARMED = new AtomicBoolean();

    private LadderBatch() {}

    /**
     * Runs the lane-parallel ladder on fixed public inputs until the JIT has compiled it (about half
     * a second, once per JVM; nothing when lanes are not available), so that a node's first real
     * batches do not run at interpreted speed.
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
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            LaneLadder.multiply(scalars, points, outs, 0, lanes);
        }
    }

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
        int lanes = VectorSupport.lanes();
        for (int from = 0; from < scalars.length; from += lanes) {
            int count = Math.min(lanes, scalars.length - from);
            if (lanes > 1 && count >= minLaneGroup()) {
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
     * A lane-parallel ladder costs about as much as 3.3 scalar ladders with eight lanes (measured by
     * {@code LadderBenchmark}), whatever number of lanes is used; from half the lanes on it wins.
     *
     * @return the fewest pairs worth a lane-parallel ladder
     */
    static int minLaneGroup() {
        return Math.max(2, VectorSupport.lanes() / 2);
    }
}
