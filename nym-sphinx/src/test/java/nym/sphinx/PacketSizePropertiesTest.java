package nym.sphinx;

import static nym.sphinx.PropertyFixtures.MAX_MESSAGE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Every packet on the wire has exactly {@code packetLength()} bytes, whatever the message length,
 * the route length or the hop: the size of a packet tells an observer nothing.
 */
class PacketSizePropertiesTest {
    private static final int PACKET_LENGTH = SphinxGeometry.DEFAULT.packetLength();

    @Example
    void theDefaultGeometryHasTheReferenceSizes() {
        assertEquals(1372, PACKET_LENGTH);
        assertEquals(1007, SphinxGeometry.DEFAULT.maxMessageLength());
        assertEquals(SphinxGeometry.DEFAULT.maxMessageLength(), MAX_MESSAGE);
        assertEquals(SphinxGeometry.DEFAULT.headerLength(), PropertyFixtures.HEADER_LENGTH);
    }

    /** Random message lengths, route lengths and keys; every hop's packet is measured. */
    @Property(tries = 150)
    void everyPacketOnEveryHopHasThePacketLength(@ForAll @IntRange(min = 0, max = MAX_MESSAGE) int messageLength,
            @ForAll @IntRange(min = 1, max = SphinxGeometry.MAX_SUPPORTED_HOPS) int hops, @ForAll long seed)
            throws SphinxException {
        SplittableRandom random = new SplittableRandom(seed);
        assertSizesAlongRoute(TestRoutes.random(hops, random), PropertyFixtures.randomBytes(random, messageLength),
                random);
    }

    /**
     * Every message length 0..1007 once (exhaustive), on a route of 1 + length mod 5 hops, so each
     * length is also tried with some route length.
     */
    @Property(generation = GenerationMode.EXHAUSTIVE, tries = MAX_MESSAGE + 1)
    void everyMessageLengthGivesFullSizePackets(@ForAll @IntRange(min = 0, max = MAX_MESSAGE) int messageLength)
            throws SphinxException {
        SplittableRandom random = new SplittableRandom(messageLength);
        int hops = 1 + messageLength % SphinxGeometry.MAX_SUPPORTED_HOPS;
        assertSizesAlongRoute(TestRoutes.random(hops, random), PropertyFixtures.lowEntropyText(random, messageLength),
                random);
    }

    private static void assertSizesAlongRoute(TestRoutes route, byte[] message, SplittableRandom random)
            throws SphinxException {
        SphinxPacket packet = PropertyFixtures.packet(route, TestRoutes.destination(random), message, random);
        List<SphinxPacket> seen = new java.util.ArrayList<>();
        ProcessedPacket.FinalHop last = route.walk(packet, seen);
        assertEquals(route.hops().size(), seen.size());
        for (int hop = 0; hop < seen.size(); hop++) {
            assertEquals(PACKET_LENGTH, seen.get(hop).toBytes().length, "hop " + hop);
            assertEquals(PACKET_LENGTH, seen.get(hop).asReadOnlyBuffer().remaining(), "hop " + hop);
        }
        assertEquals(SphinxGeometry.DEFAULT.payloadLength(), last.payload().length());
        assertArrayEquals(message, last.payload().recoverMessage());
    }
}
