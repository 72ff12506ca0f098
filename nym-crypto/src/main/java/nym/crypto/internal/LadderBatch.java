package nym.crypto.internal;

/**
 * Many unrelated ladder multiplications at once: the lane-parallel {@link LaneLadder} for groups of
 * at least {@link #minLaneGroup()} pairs when {@link VectorSupport} allows it, {@link MontgomeryLadder}
 * otherwise. The results are {@link MontgomeryLadder#multiply}'s, byte for byte, either way.
 */
public final class LadderBatch {
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
     * A lane-parallel ladder costs about as much as 3.4 scalar ladders with eight lanes (measured by
     * {@code LadderBenchmark}), whatever number of lanes is used; from half the lanes on it wins.
     *
     * @return the fewest pairs worth a lane-parallel ladder
     */
    static int minLaneGroup() {
        return Math.max(2, VectorSupport.lanes() / 2);
    }
}
