package nym.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Review test: the limb bounds of LaneField at their extremes, which random ladder inputs never reach.
 * Every lane gets a different pattern of limbs at (or near) the largest value the class documents it
 * accepts (below 2^27.6), and each result is compared with BigInteger arithmetic mod p; outputs of
 * mul, sqr and mul121665 must be tight enough for sub's 2p bias (even limbs below 2^26 + 2^13, odd
 * limbs below 2^25 + 2^13).
 */
class LaneFieldBoundsTest {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final int[] OFFSET = {0, 26, 51, 77, 102, 128, 153, 179, 204, 230};
    private static final long MAX_IN = (long) Math.floor(Math.pow(2, 27.6)) - 1;
    private static final int L = LaneField.LANES;

    private static BigInteger value(long[] f, int lane) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 0; i < 10; i++) {
            v = v.add(BigInteger.valueOf(f[i * L + lane]).shiftLeft(OFFSET[i]));
        }
        return v.mod(P);
    }

    private static long[] pattern(SplittableRandom random, long max) {
        long[] f = LaneField.create();
        for (int lane = 0; lane < L; lane++) {
            for (int i = 0; i < 10; i++) {
                long v = switch ((lane + i) % 4) {
                    case 0 -> max;
                    case 1 -> lane % 2 == 0 ? max : 0;
                    case 2 -> max - random.nextLong(1 << 12);
                    default -> random.nextLong(max + 1);
                };
                f[i * L + lane] = lane == 0 ? max : v; // lane 0: every limb at the maximum
            }
        }
        return f;
    }

    private static void assertTight(long[] h) {
        for (int lane = 0; lane < L; lane++) {
            for (int i = 0; i < 10; i++) {
                long limb = h[i * L + lane];
                long bound = (i % 2 == 0 ? 1L << 26 : 1L << 25) + (1L << 13);
                assertTrue(limb >= 0 && limb < bound, "limb " + i + " lane " + lane + " = " + limb);
            }
        }
    }

    @Test
    void extremeLimbsMultiplySquareAndScaleExactly() {
        SplittableRandom random = new SplittableRandom(9);
        for (int round = 0; round < 2000; round++) {
            long[] f = pattern(random, MAX_IN);
            long[] g = pattern(random, MAX_IN);
            long[] h = LaneField.create();
            LaneField.mul(f, g, h);
            assertTight(h);
            for (int lane = 0; lane < L; lane++) {
                assertEquals(value(f, lane).multiply(value(g, lane)).mod(P), value(h, lane), "mul lane " + lane);
            }
            LaneField.sqr(f, h);
            assertTight(h);
            for (int lane = 0; lane < L; lane++) {
                assertEquals(value(f, lane).pow(2).mod(P), value(h, lane), "sqr lane " + lane);
            }
            LaneField.mul121665(f, h);
            assertTight(h);
            for (int lane = 0; lane < L; lane++) {
                assertEquals(value(f, lane).multiply(BigInteger.valueOf(121665)).mod(P), value(h, lane),
                        "mul121665 lane " + lane);
            }
        }
    }

    @Test
    void subOfTightElementsStaysNonNegativeAndExact() {
        SplittableRandom random = new SplittableRandom(10);
        for (int round = 0; round < 2000; round++) {
            long[] f = LaneField.create();
            long[] g = LaneField.create();
            // tight elements as mul produces them: from a product of extremes
            LaneField.mul(pattern(random, MAX_IN), pattern(random, MAX_IN), f);
            LaneField.sqr(pattern(random, MAX_IN), g);
            long[] h = LaneField.create();
            LaneField.sub(f, g, h);
            for (int k = 0; k < h.length; k++) {
                assertTrue(h[k] >= 0 && h[k] < MAX_IN + 1, "sub limb " + k + " = " + h[k]);
            }
            LaneField.add(f, g, h);
            for (int lane = 0; lane < L; lane++) {
                assertEquals(value(f, lane).add(value(g, lane)).mod(P), value(h, lane));
            }
            LaneField.sub(f, g, h);
            for (int lane = 0; lane < L; lane++) {
                assertEquals(value(f, lane).subtract(value(g, lane)).mod(P), value(h, lane));
            }
        }
    }
}
