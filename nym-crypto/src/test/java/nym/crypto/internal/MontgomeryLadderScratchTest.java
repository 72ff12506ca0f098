package nym.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * {@link MontgomeryLadder} works in a per-thread {@link LadderScratch} that outlives the call: every
 * element must be zero after a call, whether it returned or threw, and threads (platform and
 * virtual) must not share one.
 */
class MontgomeryLadderScratchTest {

    @Test
    void theScratchIsZeroAfterAMultiplication() throws Exception {
        SplittableRandom random = new SplittableRandom(25519);
        MontgomeryLadder.multiply(bytes(random), bytes(random), new byte[32]);
        assertScratchIsZero();
    }

    @Test
    void theScratchIsZeroAfterAScalarTooShortAndTheNextCallIsRight() throws Exception {
        SplittableRandom random = new SplittableRandom(7748);
        byte[] shortScalar = new byte[16];
        random.nextBytes(shortScalar);
        byte[] u = bytes(random);
        // The first step reads the scalar's byte 31 and throws, after x1, x2, x3 and z3 were set.
        assertThrows(IndexOutOfBoundsException.class, () -> MontgomeryLadder.multiply(shortScalar, u, new byte[32]));
        assertScratchIsZero();
        byte[] k = bytes(random);
        assertArrayEquals(bouncyCastle(k, u), ladder(k, u));
    }

    @Test
    void threadsOfBothKindsGetTheirOwnScratch() throws Exception {
        SplittableRandom random = new SplittableRandom(1);
        int tasks = 64;
        byte[][] scalars = new byte[tasks][];
        byte[][] us = new byte[tasks][];
        for (int i = 0; i < tasks; i++) {
            scalars[i] = bytes(random);
            us[i] = bytes(random);
        }
        try (ExecutorService platform = Executors.newFixedThreadPool(8);
                ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int n = i;
                ExecutorService pool = i % 2 == 0 ? platform : virtual;
                results.add(pool.submit(() -> {
                    byte[] out = null;
                    for (int round = 0; round < 20; round++) {
                        out = ladder(scalars[n], us[n]);
                    }
                    return out;
                }));
            }
            for (int i = 0; i < tasks; i++) {
                assertArrayEquals(bouncyCastle(scalars[i], us[i]), results.get(i).get(), "task " + i);
            }
        }
    }

    private static byte[] ladder(byte[] k, byte[] u) {
        byte[] out = new byte[32];
        MontgomeryLadder.multiply(k, u, out);
        return out;
    }

    private static byte[] bouncyCastle(byte[] k, byte[] u) {
        byte[] out = new byte[32];
        BcMontgomeryLadder.multiply(k, u, out);
        return out;
    }

    private static byte[] bytes(SplittableRandom random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return b;
    }

    private static void assertScratchIsZero() throws Exception {
        Field f = MontgomeryLadder.class.getDeclaredField("SCRATCH");
        f.setAccessible(true);
        LadderScratch scratch = (LadderScratch) ((ThreadLocal<?>) f.get(null)).get();
        for (Field element : LadderScratch.class.getDeclaredFields()) {
            if (element.getType() == long[].class) {
                long[] limbs = (long[]) element.get(scratch);
                for (int i = 0; i < limbs.length; i++) {
                    assertEquals(0, limbs[i], element.getName() + "[" + i + "]");
                }
            }
        }
    }
}
