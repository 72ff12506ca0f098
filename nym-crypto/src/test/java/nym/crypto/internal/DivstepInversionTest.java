package nym.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The divsteps inversion against BigInteger's modInverse: random elements, elements of every size,
 * limbs at their largest (a value at or above p, not reduced), and the edges 0, 1, 2, p − 1, p, 2^255 − 1.
 */
class DivstepInversionTest {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final long MASK = (1L << 51) - 1;

    private static BigInteger value(long[] f) {
        BigInteger v = BigInteger.ZERO;
        for (int i = Field51.LIMBS - 1; i >= 0; i--) {
            v = v.shiftLeft(51).add(BigInteger.valueOf(f[i]));
        }
        return v;
    }

    private static long[] limbs(BigInteger v) {
        long[] f = Field51.create();
        for (int i = 0; i < Field51.LIMBS; i++) {
            f[i] = v.shiftRight(51 * i).longValue() & MASK;
        }
        return f;
    }

    private static void check(long[] a) {
        BigInteger x = value(a).mod(P);
        BigInteger expected = x.signum() == 0 ? BigInteger.ZERO : x.modInverse(P);
        long[] r = Field51.create();
        DivstepInversion.invert(a.clone(), r);
        for (long limb : r) {
            assertTrue(limb >= 0 && limb <= 1L << 51, "tight output limb " + limb);
        }
        assertEquals(expected, value(r).mod(P), "1/" + x.toString(16));
        long[] aliased = a.clone();
        DivstepInversion.invert(aliased, aliased);
        assertEquals(expected, value(aliased).mod(P), "aliased 1/" + x.toString(16));
    }

    @Test
    void edges() {
        List<BigInteger> edges = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO), BigInteger.valueOf(19),
                P.add(BigInteger.ONE).shiftRight(1)));
        for (int k = 0; k < 255; k++) {
            edges.add(BigInteger.ONE.shiftLeft(k).mod(P));
            edges.add(BigInteger.ONE.shiftLeft(k).subtract(BigInteger.ONE).mod(P));
        }
        for (BigInteger e : edges) {
            check(limbs(e));
        }
        check(limbs(P)); // p itself, not reduced: 0
        long[] top = {MASK, MASK, MASK, MASK, MASK}; // 2^255 − 1 ≡ 18
        check(top);
        long[] loose = {(1L << 51) + 5, 1L << 51, (1L << 51) + 3, 1L << 51, 1L << 51}; // above 2^255
        check(loose);
    }

    @Test
    void randomElementsOfEverySize() {
        SplittableRandom random = new SplittableRandom(62);
        for (int round = 0; round < 20_000; round++) {
            int bits = 1 + random.nextInt(255);
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            BigInteger x = new BigInteger(1, bytes).mod(BigInteger.ONE.shiftLeft(bits)).mod(P);
            check(limbs(x));
        }
    }

    /**
     * The code runs a fixed 590 divsteps, the published bound for inputs below 2^256. This checks that
     * assumption, not the code: the same step rule on BigInteger, counted until g reaches 0, for
     * random inputs and a few edges. (20,000 random inputs needed at most 529 when this was written.)
     */
    @Test
    void theStepsInputsNeedStayWithinTheFixedCount() {
        SplittableRandom random = new SplittableRandom(590);
        int most = 0;
        for (int round = 0; round < 3_000; round++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            most = Math.max(most, stepsToZero(new BigInteger(1, bytes).mod(P)));
        }
        for (BigInteger edge : List.of(BigInteger.ONE, P.subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(254),
                P.add(BigInteger.ONE).shiftRight(1))) {
            most = Math.max(most, stepsToZero(edge));
        }
        assertTrue(most <= 590, "an input needed " + most + " divsteps");
    }

    private static int stepsToZero(BigInteger g) {
        BigInteger f = P;
        long zeta = -1;
        int steps = 0;
        while (g.signum() != 0) {
            if (zeta < 0 && g.testBit(0)) {
                BigInteger oldG = g;
                g = g.subtract(f).shiftRight(1);
                f = oldG;
                zeta = -zeta - 2;
            } else {
                g = g.testBit(0) ? g.add(f).shiftRight(1) : g.shiftRight(1);
                zeta--;
            }
            steps++;
            assertTrue(steps <= 1000, "no end in sight");
        }
        assertTrue(f.abs().equals(BigInteger.ONE), "gcd " + f);
        return steps;
    }
}
