package nym.crypto.internal;

import java.util.Arrays;

/**
 * The field elements of one ladder, {@link MontgomeryLadder}'s (elements of {@link Field51#LIMBS})
 * or {@link LaneLadder}'s (of {@code LaneField.LIMBS · LANES}), kept per thread so that a ladder
 * allocates no elements. They hold values derived from secret scalars, so the ladders call
 * {@link #wipe} after every use.
 */
final class LadderScratch {
    final long[] x1;
    final long[] x2;
    final long[] z2;
    final long[] x3;
    final long[] z3;
    final long[] a;
    final long[] aa;
    final long[] b;
    final long[] bb;
    final long[] e;
    final long[] c;
    final long[] d;
    private final long[][] all;

    /** @param elementLength the longs of one element set: {@code LaneField.LIMBS · LANES} */
    LadderScratch(int elementLength) {
        all = new long[12][elementLength];
        x1 = all[0];
        x2 = all[1];
        z2 = all[2];
        x3 = all[3];
        z3 = all[4];
        a = all[5];
        aa = all[6];
        b = all[7];
        bb = all[8];
        e = all[9];
        c = all[10];
        d = all[11];
    }

    void wipe() {
        for (long[] element : all) {
            Arrays.fill(element, 0);
        }
    }
}
