package nym.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Review test: {@link EdwardsFixedBase#multiply} works in a per-thread scratch that outlives the call,
 * so whatever it leaves there stays until the thread's next multiplication. Every int and long in
 * it (the scalar's digits, the accumulated point, the selected entry, the temporaries) must be zero
 * after a call, whether the call returned or threw.
 */
class EdwardsFixedBaseScratchTest {
    private static final byte[] NINE = new byte[32];

    static {
        NINE[0] = 9;
    }

    @Test
    void theScratchIsZeroAfterAMultiplication() throws Exception {
        EdwardsFixedBase.Table table = EdwardsFixedBase.precompute(NINE);
        byte[] k = new byte[32];
        new SplittableRandom(7).nextBytes(k);
        byte[] out = new byte[32];
        EdwardsFixedBase.multiply(table, k, out);
        assertScratchIsZero();
    }

    @Test
    void theScratchIsZeroAfterAScalarTooShort() throws Exception {
        EdwardsFixedBase.Table table = EdwardsFixedBase.precompute(NINE);
        byte[] shortScalar = new byte[16];
        new SplittableRandom(8).nextBytes(shortScalar);
        assertThrows(IndexOutOfBoundsException.class,
                () -> EdwardsFixedBase.multiply(table, shortScalar, new byte[32]));
        assertScratchIsZero();
        // And the next multiplication on this thread is still right.
        byte[] k = new byte[32];
        new SplittableRandom(9).nextBytes(k);
        byte[] expected = new byte[32];
        MontgomeryLadder.multiply(k, NINE, expected);
        byte[] out = new byte[32];
        EdwardsFixedBase.multiply(table, k, out);
        assertArrayEquals(expected, out);
    }

    @Test
    void theScratchIsZeroAfterAnOutputTooShort() throws Exception {
        EdwardsFixedBase.Table table = EdwardsFixedBase.precompute(NINE);
        byte[] k = new byte[32];
        new SplittableRandom(10).nextBytes(k);
        assertThrows(IndexOutOfBoundsException.class, () -> EdwardsFixedBase.multiply(table, k, new byte[16]));
        assertScratchIsZero();
    }

    private static void assertScratchIsZero() throws Exception {
        Field f = EdwardsFixedBase.class.getDeclaredField("SCRATCH");
        f.setAccessible(true);
        assertAllZero(((ThreadLocal<?>) f.get(null)).get(), "scratch");
    }

    /** Every int[] and long[] reachable through the instance fields of the scratch's own classes. */
    private static void assertAllZero(Object o, String path) throws Exception {
        if (o instanceof int[] ints) {
            for (int i = 0; i < ints.length; i++) {
                assertEquals(0, ints[i], path + "[" + i + "]");
            }
            return;
        }
        if (o instanceof long[] longs) {
            for (int i = 0; i < longs.length; i++) {
                assertEquals(0, longs[i], path + "[" + i + "]");
            }
            return;
        }
        for (Field field : o.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            assertAllZero(field.get(o), path + "." + field.getName());
        }
    }
}
