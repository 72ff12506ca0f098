package nym.sphinx;

import static nym.sphinx.PropertyFixtures.HEADER_LENGTH;
import static nym.sphinx.PropertyFixtures.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import nym.sphinx.SphinxException.Reason;

/**
 * A node refuses any change to the header at the first hop; a change to the payload passes every
 * hop (Sphinx does not authenticate payloads per hop) but never yields the original message. A
 * header forged with the node's own key passes the MAC and is then refused for its content.
 */
class TamperingPropertiesTest {
    private static final int HEADER_BITS = HEADER_LENGTH * Byte.SIZE;
    private static final int PAYLOAD_BITS = SphinxGeometry.DEFAULT_PAYLOAD_LENGTH * Byte.SIZE;

    /** Any single header bit, on random routes and packets. */
    @Property(tries = 150)
    void flippingAHeaderBitFailsTheMacAtTheFirstHop(@ForAll @IntRange(min = 0, max = HEADER_BITS - 1) int bit,
            @ForAll @IntRange(min = 1, max = SphinxGeometry.MAX_SUPPORTED_HOPS) int hops, @ForAll long seed)
            throws SphinxException {
        Trial trial = Trial.of(hops, seed);
        byte[] packet = trial.packet(new byte[0]).toBytes();
        assertRefused(Reason.MAC_MISMATCH, () -> trial.node(0).process(PropertyFixtures.flipBit(packet, bit)));
    }

    /** Every one of the 2784 header bits of one packet, failures collected. */
    @Example
    void everyHeaderBitIsAuthenticated() throws SphinxException {
        Trial trial = Trial.of(SphinxGeometry.MAX_SUPPORTED_HOPS, HEADER_BITS);
        byte[] packet = trial.packet("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toBytes();
        PacketProcessor firstHop = trial.node(0);
        List<Integer> accepted = new ArrayList<>();
        for (int bit = 0; bit < HEADER_BITS; bit++) {
            try {
                firstHop.process(PropertyFixtures.flipBit(packet, bit));
                accepted.add(bit);
            } catch (SphinxException e) {
                assertEquals(Reason.MAC_MISMATCH, e.reason(), "bit " + bit);
            }
        }
        assertEquals(List.of(), accepted, "header bits whose flip the first hop accepted");
    }

    /**
     * The ladder reads u and u + p (and u with bit 255 set) as one point, so γ alone would accept
     * those encodings of α. A packet with α = 5, forged to pass the MAC, is processed; the same
     * packet with α written as 5 + p or with bit 255 set is refused.
     */
    @Example
    void onlyTheCanonicalEncodingOfAlphaIsAccepted() throws SphinxException {
        Trial trial = Trial.of(1, 255);
        PacketProcessor node = trial.node(0);
        byte[] bytes = trial.packet(new byte[0]).toBytes();
        Arrays.fill(bytes, 0, SphinxGeometry.ALPHA_LENGTH, (byte) 0);
        bytes[0] = 5;
        byte[] forged = HeaderSurgery.rewriteRouting(SphinxPacket.fromBytes(bytes), trial.key(0),
                routing -> {
                    routing[0] = SphinxGeometry.FINAL_FLAG;
                    PacketVersion.CURRENT.copyTo(routing, SphinxGeometry.VERSION_OFFSET);
                }).toBytes();
        assertEquals(ProcessedPacket.FinalHop.class, node.process(forged).getClass());

        byte[] plusP = forged.clone();
        Arrays.fill(plusP, 1, SphinxGeometry.ALPHA_LENGTH - 1, (byte) 0xFF);
        plusP[0] = (byte) (0xED + 5);
        plusP[SphinxGeometry.ALPHA_LENGTH - 1] = 0x7F;
        assertRefused(Reason.MAC_MISMATCH, () -> node.process(plusP));
        assertRefused(Reason.MAC_MISMATCH, () -> node.process(PropertyFixtures.flipBit(forged, 255)));
    }

    @Property(tries = 100)
    void flippingAPayloadBitPassesTheHopsButSpoilsTheMessage(
            @ForAll @IntRange(min = 0, max = PAYLOAD_BITS - 1) int bit,
            @ForAll @IntRange(min = 0, max = PropertyFixtures.MAX_MESSAGE) int length,
            @ForAll @IntRange(min = 1, max = SphinxGeometry.MAX_SUPPORTED_HOPS) int hops, @ForAll long seed)
            throws SphinxException {
        Trial trial = Trial.of(hops, seed);
        byte[] message = PropertyFixtures.lowEntropyText(trial.random(), length);
        byte[] tampered = PropertyFixtures.flipBit(trial.packet(message).toBytes(),
                SphinxGeometry.DEFAULT.payloadOffset() * Byte.SIZE + bit);

        ProcessedPacket.FinalHop last = trial.route().walk(SphinxPacket.fromBytes(tampered), null);
        try {
            assertFalse(Arrays.equals(message, last.payload().recoverMessage()), "tampered payload gave the message");
        } catch (SphinxException e) {
            assertEquals(Reason.BAD_PAYLOAD_PADDING, e.reason());
        }
    }

    @Property(tries = 40)
    void anAuthenticatedUnknownFlagIsABadRoutingCommand(@ForAll byte flag,
            @ForAll @IntRange(min = 1, max = SphinxGeometry.MAX_SUPPORTED_HOPS) int hops, @ForAll long seed)
            throws SphinxException {
        Assume.that(flag != SphinxGeometry.FORWARD_FLAG && flag != SphinxGeometry.FINAL_FLAG);
        assertForgedRefused(Reason.BAD_ROUTING_COMMAND, hops, seed, routing -> routing[0] = flag);
    }

    @Property(tries = 40)
    void anAuthenticatedUnknownVersionIsRefused(@ForAll @Size(3) byte[] version,
            @ForAll @IntRange(min = 1, max = SphinxGeometry.MAX_SUPPORTED_HOPS) int hops, @ForAll long seed)
            throws SphinxException {
        Assume.that(!Arrays.equals(version, PacketVersion.CURRENT.toByteArray()));
        assertForgedRefused(Reason.UNKNOWN_VERSION, hops, seed,
                routing -> System.arraycopy(version, 0, routing, SphinxGeometry.VERSION_OFFSET, version.length));
    }

    /** The forgery itself is sound: with no edit, the re-authenticated packet still processes. */
    @Property(tries = 20)
    void aForgeryWithoutAnEditStillProcesses(
            @ForAll @IntRange(min = 1, max = SphinxGeometry.MAX_SUPPORTED_HOPS) int hops, @ForAll long seed)
            throws SphinxException {
        Trial trial = Trial.of(hops, seed);
        SphinxPacket original = trial.packet(new byte[0]);
        SphinxPacket forged = HeaderSurgery.rewriteRouting(original, trial.key(0), routing -> { });
        assertEquals(original, forged);
        ProcessedPacket result = trial.node(0).process(forged);
        Class<?> expected = hops == 1 ? ProcessedPacket.FinalHop.class : ProcessedPacket.ForwardHop.class;
        assertEquals(expected, result.getClass());
    }

    private static void assertForgedRefused(Reason reason, int hops, long seed, java.util.function.Consumer<byte[]> edit)
            throws SphinxException {
        Trial trial = Trial.of(hops, seed);
        SphinxPacket forged = HeaderSurgery.rewriteRouting(trial.packet(new byte[0]), trial.key(0), edit);
        assertRefused(reason, () -> trial.node(0).process(forged));
    }
}
