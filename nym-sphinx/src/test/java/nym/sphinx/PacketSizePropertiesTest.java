package nym.sphinx;

import static nym.sphinx.PropertyFixtures.MAX_MESSAGE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

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
        Trial trial = Trial.of(hops, seed);
        assertSizesAlongRoute(trial, PropertyFixtures.randomBytes(trial.random(), messageLength));
    }

    /**
     * Every message length 0..1007 once (exhaustive), on a route of 1 + length mod 5 hops, so each
     * length is also tried with some route length.
     */
    @Property(generation = GenerationMode.EXHAUSTIVE, tries = MAX_MESSAGE + 1)
    void everyMessageLengthGivesFullSizePackets(@ForAll @IntRange(min = 0, max = MAX_MESSAGE) int messageLength)
            throws SphinxException {
        Trial trial = Trial.of(1 + messageLength % SphinxGeometry.MAX_SUPPORTED_HOPS, messageLength);
        assertSizesAlongRoute(trial, PropertyFixtures.lowEntropyText(trial.random(), messageLength));
    }

    private static void assertSizesAlongRoute(Trial trial, byte[] message) throws SphinxException {
        List<SphinxPacket> seen = new java.util.ArrayList<>();
        ProcessedPacket.FinalHop last = trial.route().walk(trial.packet(message), seen);
        assertEquals(trial.route().hops().size(), seen.size());
        for (int hop = 0; hop < seen.size(); hop++) {
            assertEquals(PACKET_LENGTH, seen.get(hop).toBytes().length, "hop " + hop);
            assertEquals(PACKET_LENGTH, seen.get(hop).asReadOnlyBuffer().remaining(), "hop " + hop);
        }
        assertEquals(SphinxGeometry.DEFAULT.payloadLength(), last.payload().length());
        assertArrayEquals(message, last.payload().recoverMessage());
    }
}
