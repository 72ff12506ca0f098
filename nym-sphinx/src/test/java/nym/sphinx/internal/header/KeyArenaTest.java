package nym.sphinx.internal.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import nym.crypto.group.Scalar;
import nym.sphinx.PacketBuilder;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.TestRoutes;
import nym.sphinx.route.Hop;
import nym.sphinx.surb.SurbBuilder;

/**
 * The sender keeps every hop's ρ, μ and π in a per-thread {@link KeyArena} that outlives the build:
 * it must be all zero after a packet or SURB is built, and after a build that threw, and the next
 * build on the thread must get it back.
 */
class KeyArenaTest {
    private static final SphinxGeometry GEOMETRY = SphinxGeometry.DEFAULT;
    private static final int HOPS = 4;

    @Test
    void theArenaIsZeroAfterAPacketIsBuilt() throws SphinxException {
        SplittableRandom random = new SplittableRandom(1);
        TestRoutes route = TestRoutes.random(HOPS, random);
        PacketBuilder.create().route(route.hops()).delays(route.delays()).destination(TestRoutes.destination(random))
                .message(new byte[] {1, 2, 3}).random(random).build();
        assertArenaIsZeroAndFree();
    }

    @Test
    void theArenaIsZeroAfterASurbIsBuilt() throws SphinxException {
        SplittableRandom random = new SplittableRandom(2);
        TestRoutes route = TestRoutes.random(HOPS, random);
        SurbBuilder.create().route(route.hops()).delays(route.delays())
                .destination(TestRoutes.destination(random).address()).random(random).build();
        assertArenaIsZeroAndFree();
    }

    @Test
    void theArenaIsZeroAfterAHeaderThatDidNotFitItsArray() {
        SplittableRandom random = new SplittableRandom(3);
        TestRoutes route = TestRoutes.random(HOPS, random);
        byte[] padding = new byte[HeaderBuilder.finalPaddingLength(GEOMETRY, HOPS)];
        // Every key is derived and the key streams made before the first write outside the array.
        byte[] tooShort = new byte[GEOMETRY.headerLength() - 1];
        assertThrows(IndexOutOfBoundsException.class, () -> RouteHeader.writeTo(GEOMETRY, route.hops(),
                route.delays(), TestRoutes.destination(random), Scalar.randomClamped(random), padding, tooShort, 0));
        assertArenaIsZeroAndFree();
    }

    @Test
    void theArenaIsZeroAfterADerivationThatThrewHalfway() {
        SplittableRandom random = new SplittableRandom(4);
        List<Hop> hops = new ArrayList<>(TestRoutes.random(HOPS, random).hops());
        hops.set(HOPS - 1, null); // the first three hops' keys are in the arena when this one throws
        assertThrows(NullPointerException.class, () -> KeyMaterial.derive(Scalar.randomClamped(random), hops));
        assertArenaIsZeroAndFree();
    }

    @Test
    void aSecondBuildBeforeTheFirstIsWipedGetsAnArenaOfItsOwn() {
        SplittableRandom random = new SplittableRandom(5);
        List<Hop> keys = TestRoutes.random(HOPS, random).hops();
        KeyMaterial first = KeyMaterial.derive(Scalar.randomClamped(random), keys);
        byte[] firstPayloadKey = first.hop(0).payloadKey();
        KeyMaterial second = KeyMaterial.derive(Scalar.randomClamped(random), keys);
        second.wipe();
        assertTrue(Arrays.equals(firstPayloadKey, first.hop(0).payloadKey()), "the second build overwrote the first");
        first.wipe();
        first.wipe(); // idempotent: must not release the arena again under a later build
        assertArenaIsZeroAndFree();
    }

    private static void assertArenaIsZeroAndFree() {
        byte[] bytes = KeyArena.current().bytes();
        assertTrue(bytes.length >= HOPS * RoutingKeys.SYMMETRIC_LENGTH, "the build did not use the arena");
        for (int i = 0; i < bytes.length; i++) {
            assertEquals(0, bytes[i], "arena byte " + i);
        }
        KeyArena next = KeyArena.acquire(RoutingKeys.SYMMETRIC_LENGTH);
        try {
            assertSame(KeyArena.current(), next, "the arena was left busy");
        } finally {
            next.release();
        }
    }
}
