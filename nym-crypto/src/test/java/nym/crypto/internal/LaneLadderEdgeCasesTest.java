package nym.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * Review tests: every low-order point (canonical and not), u ≥ p, bit 255 and scalar edge values, in
 * every lane position, against Bouncy Castle's field (the reference ladder); count 0; every list
 * length through LadderBatch; the per-thread scratch after use; many threads (platform and virtual).
 */
class LaneLadderEdgeCasesTest {
    private static final HexFormat HEX = HexFormat.of();

    /** The 8-torsion u's (0, 1, two of order 8, p − 1), their non-canonical forms, p, bit 255. */
    static List<byte[]> points() {
        List<byte[]> out = new ArrayList<>();
        for (String hex : List.of(
                "0000000000000000000000000000000000000000000000000000000000000000",
                "0100000000000000000000000000000000000000000000000000000000000000",
                "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
                "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "cdeb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b880",
                "4c9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f11d7",
                "0900000000000000000000000000000000000000000000000000000000000000",
                "0900000000000000000000000000000000000000000000000000000000000080",
                "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
                "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "0000000000000000000000000000000000000000000000000000000000000080")) {
            out.add(HEX.parseHex(hex));
        }
        return out;
    }

    static List<byte[]> scalars() {
        List<byte[]> out = new ArrayList<>();
        for (String hex : List.of(
                "0000000000000000000000000000000000000000000000000000000000000000",
                "0100000000000000000000000000000000000000000000000000000000000000",
                "0200000000000000000000000000000000000000000000000000000000000000",
                "0800000000000000000000000000000000000000000000000000000000000000",
                "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010", // ℓ
                "0000000000000000000000000000000000000000000000000000000000000040", // 2^254
                "0000000000000000000000000000000000000000000000000000000000000080", // only bit 255
                "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
                "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "f8ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")) {
            out.add(HEX.parseHex(hex));
        }
        return out;
    }

    private static byte[] reference(byte[] k, byte[] u) {
        byte[] out = new byte[32];
        BcMontgomeryLadder.multiply(k, u, out);
        return out;
    }

    @Test
    void everyEdgePairInEveryLaneEqualsTheReference() {
        int lanes = LaneLadder.LANES;
        SplittableRandom random = new SplittableRandom(7);
        List<byte[]> ps = points();
        List<byte[]> ks = scalars();
        // random fillers too: one random clamped and one raw random scalar per point
        for (int r = 0; r < 4; r++) {
            byte[] k = new byte[32];
            random.nextBytes(k);
            ks.add(k);
        }
        int checked = 0;
        for (byte[] u : ps) {
            for (byte[] k : ks) {
                for (int lane = 0; lane < lanes; lane++) {
                    for (int count : new int[] {lane + 1, lanes}) {
                        byte[][] scalars = new byte[count][32];
                        byte[][] us = new byte[count][32];
                        byte[][] outs = new byte[count][32];
                        for (int i = 0; i < count; i++) {
                            random.nextBytes(scalars[i]);
                            // other lanes: low-order points half the time, so several Z = 0 share a batch
                            us[i] = (i % 2 == 0) ? ps.get(random.nextInt(ps.size())).clone() : randomPoint(random);
                        }
                        scalars[lane] = k.clone();
                        us[lane] = u.clone();
                        LaneLadder.multiply(scalars, us, outs, 0, count);
                        for (int i = 0; i < count; i++) {
                            assertArrayEquals(reference(scalars[i], us[i]), outs[i],
                                    "k=" + HEX.formatHex(scalars[i]) + " u=" + HEX.formatHex(us[i]) + " lane " + i);
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 1000);
    }

    private static byte[] randomPoint(SplittableRandom random) {
        byte[] u = new byte[32];
        random.nextBytes(u);
        return u;
    }

    @Test
    void countZeroTouchesNothing() {
        byte[][] outs = {{1, 2, 3}};
        LaneLadder.multiply(new byte[0][], new byte[0][], new byte[0][], 0, 0);
        LaneLadder.multiply(new byte[][] {new byte[32]}, new byte[][] {new byte[32]}, outs, 1, 0);
        assertArrayEquals(new byte[] {1, 2, 3}, outs[0]);
        assertEquals(0, LadderBatch.multiply(new byte[0][], new byte[0][]).length);
    }

    @Test
    void everyListLengthThroughLadderBatchEqualsTheScalarLadder() {
        LadderBatch.warmUp();
        SplittableRandom random = new SplittableRandom(11);
        List<byte[]> ps = points();
        for (int n = 0; n <= 3 * LaneLadder.LANES + 1; n++) {
            byte[][] ks = new byte[n][32];
            byte[][] us = new byte[n][];
            for (int i = 0; i < n; i++) {
                random.nextBytes(ks[i]);
                us[i] = random.nextBoolean() ? ps.get(random.nextInt(ps.size())).clone() : randomPoint(random);
            }
            byte[][] outs = LadderBatch.multiply(ks, us);
            assertEquals(n, outs.length);
            for (int i = 0; i < n; i++) {
                assertArrayEquals(reference(ks[i], us[i]), outs[i], "n=" + n + " i=" + i);
            }
        }
    }

    @Test
    void theScratchIsZeroAfterUse() throws Exception {
        byte[][] ks = new byte[LaneLadder.LANES][32];
        byte[][] us = new byte[LaneLadder.LANES][32];
        new SplittableRandom(5).nextBytes(ks[0]);
        us[0][0] = 9;
        LaneLadder.multiply(ks, us, new byte[LaneLadder.LANES][32], 0, LaneLadder.LANES);
        Field f = LaneLadder.class.getDeclaredField("SCRATCH");
        f.setAccessible(true);
        LadderScratch s = ((ThreadLocal<LadderScratch>) f.get(null)).get();
        for (long[] element : List.of(s.x1, s.x2, s.z2, s.x3, s.z3, s.a, s.aa, s.b, s.bb, s.e, s.c, s.d)) {
            for (long limb : element) {
                assertEquals(0, limb);
            }
        }
    }

    @Test
    void manyPlatformAndVirtualThreadsAtOnce() throws Exception {
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            final long seed = t;
            jobs.add(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                for (int round = 0; round < 40; round++) {
                    int n = 1 + random.nextInt(2 * LaneLadder.LANES);
                    byte[][] ks = new byte[n][32];
                    byte[][] us = new byte[n][32];
                    for (int i = 0; i < n; i++) {
                        random.nextBytes(ks[i]);
                        random.nextBytes(us[i]);
                    }
                    byte[][] outs = LadderBatch.multiply(ks, us);
                    for (int i = 0; i < n; i++) {
                        byte[] expected = new byte[32];
                        MontgomeryLadder.multiply(ks[i], us[i], expected);
                        assertArrayEquals(expected, outs[i]);
                    }
                    Thread.yield();
                }
                return null;
            });
        }
        for (ExecutorService pool : List.of(Executors.newFixedThreadPool(4), Executors.newVirtualThreadPerTaskExecutor())) {
            try (pool) {
                for (Future<Void> f : pool.invokeAll(jobs)) {
                    f.get();
                }
            }
        }
    }
}
