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
    private static final long LOW = (1L << 51) - 1;

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
            long[] aa = Field51.create();
            Field51.mul(g, g, aa); // tight, as the ladder's AA
            Field51.mul121665Add(f, aa, h);
            for (int i = 0; i < Field51.LIMBS; i++) {
                assertTrue(h[i] >= 0 && h[i] <= 1L << 52, "mul121665Add limb " + i + " = " + h[i]);
            }
            assertEquals(value(f).multiply(BigInteger.valueOf(121665)).add(value(aa)).mod(P), value(h),
                    "mul121665Add round " + round);
        }
    }

    /**
     * Inputs built so that {@link Field51#mul}'s pair differences have their most negative low parts
     * (−2^52 + 2): for two disjoint pairs (i, j), aⱼ ≡ −aᵢ mod 2^26 and every bₖ ≡ −1/aₖ mod 2^51, so
     * aᵢbᵢ and aⱼbⱼ each have low part 2^51 − 1 while (aᵢ + aⱼ)(bᵢ + bⱼ) has low part 0. When both pairs
     * land in one folded coefficient ((1, 4) and (2, 3) make r5, folded by 19 into limb 0), that
     * coefficient is as negative as the bound argument allows; the bits above 51 push the high parts
     * up at the same time. Random limbs reach neither; a bias below 2^57.3 fails here.
     */
    @Test
    void pairDifferencesWithTheirMostNegativeLowParts() {
        SplittableRandom random = new SplittableRandom(2551);
        long[] a = Field51.create();
        long[] b = Field51.create();
        long[] h = Field51.create();
        int[] order = {0, 1, 2, 3, 4};
        for (int round = 0; round < 30_000; round++) {
            for (int i = 4; i > 0; i--) {
                int k = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[k];
                order[k] = t;
            }
            if (round % 4 == 0) { // (1, 4) and (2, 3) every fourth round: both in coefficient 5
                order = new int[] {1, 4, 2, 3, 0};
            }
            for (int i = 0; i < Field51.LIMBS; i++) {
                a[i] = random.nextLong(1L << 51) | 1;
            }
            a[order[1]] = (-a[order[0]] + (random.nextLong(1L << 25) << 26)) & LOW;
            a[order[3]] = (-a[order[2]] + (random.nextLong(1L << 25) << 26)) & LOW;
            for (int i = 0; i < Field51.LIMBS; i++) {
                b[i] = -inverse(a[i]) & LOW;
                // Bits 51 and 52 (limbs stay below 2^53): both set for the largest high parts, or
                // clear, where small high parts leave the negative low parts to the bias alone.
                a[i] += topBits(random, round) << 51;
                b[i] += topBits(random, round / 3) << 51;
            }
            Field51.mul(a, b, h);
            assertTight(h);
            assertEquals(value(a).multiply(value(b)).mod(P), value(h), "mul round " + round);
        }
    }

    private static long topBits(SplittableRandom random, int round) {
        return switch (round % 3) {
            case 0 -> 3;
            case 1 -> 0;
            default -> random.nextLong(4);
        };
    }

    /** x⁻¹ mod 2^64 for odd x, by Newton's iteration (each step doubles the correct bits). */
    private static long inverse(long x) {
        long y = x;
        for (int i = 0; i < 5; i++) {
            y *= 2 - x * y;
        }
        return y;
    }
}
