package nym.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Field51's products at the limb bounds its contract allows (inputs below 2^53), which random ladder
 * inputs never reach: every result is compared with BigInteger arithmetic mod p and must come out
 * tight (every limb from 0 to 2^51), as {@link Field51#sub} needs of its subtrahend.
 */
class Field51BoundsTest {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final long MAX_IN = (1L << 53) - 1;

    private static BigInteger value(long[] f) {
        BigInteger v = BigInteger.ZERO;
        for (int i = Field51.LIMBS - 1; i >= 0; i--) {
            v = v.shiftLeft(51).add(BigInteger.valueOf(f[i]));
        }
        return v.mod(P);
    }

    private static long[] pattern(SplittableRandom random, int round) {
        long[] f = Field51.create();
        for (int i = 0; i < Field51.LIMBS; i++) {
            f[i] = switch ((round + i) % 5) {
                case 0 -> MAX_IN;
                case 1 -> round % 2 == 0 ? MAX_IN : 0;
                case 2 -> MAX_IN - random.nextLong(1 << 12);
                case 3 -> random.nextLong(1L << 51);
                default -> random.nextLong(MAX_IN + 1);
            };
        }
        if (round % 7 == 6) { // the ladder's common case: every limb tight and random
            for (int i = 0; i < Field51.LIMBS; i++) {
                f[i] = random.nextLong((1L << 51) + 1);
            }
        }
        if (round == 0) {
            java.util.Arrays.fill(f, MAX_IN);
        }
        return f;
    }

    private static void assertTight(long[] h) {
        for (int i = 0; i < Field51.LIMBS; i++) {
            assertTrue(h[i] >= 0 && h[i] <= 1L << 51, "limb " + i + " = " + h[i]);
        }
    }

    @Test
    void extremeLimbsMultiplyAndSquareExactly() {
        SplittableRandom random = new SplittableRandom(51);
        long[] h = Field51.create();
        for (int round = 0; round < 20_000; round++) {
            long[] f = pattern(random, round);
            long[] g = pattern(random, round + 3);
            BigInteger product = value(f).multiply(value(g)).mod(P);
            Field51.mul(f, g, h);
            assertTight(h);
            assertEquals(product, value(h), "mul round " + round);
            Field51.sqr(f, h);
            assertTight(h);
            assertEquals(value(f).pow(2).mod(P), value(h), "sqr round " + round);
            Field51.mul121665(f, h);
            assertTight(h);
            assertEquals(value(f).multiply(BigInteger.valueOf(121665)).mod(P), value(h), "mul121665 round " + round);
        }
    }
}
