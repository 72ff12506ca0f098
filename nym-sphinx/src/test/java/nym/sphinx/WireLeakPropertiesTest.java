package nym.sphinx;

import static nym.sphinx.PropertyFixtures.MAX_MESSAGE;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import nym.sphinx.internal.payload.PayloadCodec;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.surb.SurbBuilder;

/**
 * Nothing the sender wrote in plaintext reaches the wire, and no hop's output can be matched with
 * its input by a shared run of bytes.
 *
 * <p>Messages are low-entropy text (one short word repeated), so any unencrypted copy would be found;
 * the forbidden 8-byte windows also cover the padded plaintext (its 16 zero bytes and terminator),
 * the destination, the SURB identifier, every node address and every delay written into the header.
 */
class WireLeakPropertiesTest {
    private static final int PLAINTEXT_WINDOW = 8;
    private static final int HOP_WINDOW = 16;

    @Property(tries = 60)
    void noPlaintextWindowAppearsOnAnyHop(@ForAll @IntRange(min = PLAINTEXT_WINDOW, max = MAX_MESSAGE) int length,
            @ForAll @IntRange(min = 1, max = SphinxGeometry.MAX_SUPPORTED_HOPS) int hops, @ForAll long seed)
            throws SphinxException {
        Trial trial = Trial.of(hops, seed);
        SplittableRandom random = trial.random();
        TestRoutes route = trial.route();
        Destination destination = TestRoutes.destination(random);
        byte[] message = PropertyFixtures.lowEntropyText(random, length);
        Set<ByteBuffer> forbidden = routeMetadata(route);
        forbidden.addAll(plaintextWindows(destination, message));

        SphinxPacket packet = PropertyFixtures.packet(route, destination, message, random);
        assertNoneOnTheWire(forbidden, PropertyFixtures.hops(route, packet));
    }

    @Property(tries = 40)
    void noPlaintextWindowOfASurbReplyAppearsOnAnyHop(
            @ForAll @IntRange(min = PLAINTEXT_WINDOW, max = MAX_MESSAGE) int length,
            @ForAll @IntRange(min = 1, max = SphinxGeometry.MAX_SUPPORTED_HOPS) int hops, @ForAll long seed)
            throws SphinxException {
        Trial trial = Trial.of(hops, seed);
        SplittableRandom random = trial.random();
        TestRoutes route = trial.route();
        DestinationAddress creator = TestRoutes.destination(random).address();
        SurbBuilder.Created created = SurbBuilder.create().route(route.hops()).delays(route.delays())
                .destination(creator).random(random).build();
        byte[] reply = PropertyFixtures.lowEntropyText(random, length);
        Set<ByteBuffer> forbidden = routeMetadata(route);
        forbidden.addAll(plaintextWindows(new Destination(creator, created.decryptionKeys().surbId()), reply));

        assertNoneOnTheWire(forbidden, PropertyFixtures.hops(route, created.surb().createReply(reply)));
    }

    @Property(tries = 60)
    void aProcessedPacketSharesNoWindowWithItsInput(@ForAll @IntRange(min = 0, max = MAX_MESSAGE) int length,
            @ForAll @IntRange(min = 1, max = SphinxGeometry.MAX_SUPPORTED_HOPS) int hops, @ForAll long seed)
            throws SphinxException {
        Trial trial = Trial.of(hops, seed);
        SphinxPacket packet = trial.packet(PropertyFixtures.lowEntropyText(trial.random(), length));
        List<SphinxPacket> seen = new java.util.ArrayList<>();
        ProcessedPacket.FinalHop last = trial.route().walk(packet, seen);
        for (int hop = 0; hop + 1 < seen.size(); hop++) {
            PropertyFixtures.assertNoWindowOf(PropertyFixtures.windows(seen.get(hop).toBytes(), HOP_WINDOW),
                    seen.get(hop + 1).toBytes(), HOP_WINDOW, "output of hop " + hop);
        }
        PropertyFixtures.assertNoWindowOf(PropertyFixtures.windows(seen.getLast().toBytes(), HOP_WINDOW),
                last.payload().toBytes(), HOP_WINDOW, "payload delivered by the last hop");
    }

    /** @return the 8-byte windows of every address and delay the header carries */
    private static Set<ByteBuffer> routeMetadata(TestRoutes route) {
        Set<ByteBuffer> forbidden = new HashSet<>();
        for (Hop hop : route.hops()) {
            forbidden.addAll(PropertyFixtures.windows(hop.address().toByteArray(), PLAINTEXT_WINDOW));
        }
        for (Delay delay : route.delays()) {
            byte[] encoded = new byte[Delay.LENGTH];
            delay.writeTo(encoded, 0);
            forbidden.addAll(PropertyFixtures.windows(encoded, PLAINTEXT_WINDOW));
        }
        return forbidden;
    }

    /** @return the 8-byte windows of the destination, the identifier and the padded message */
    private static Set<ByteBuffer> plaintextWindows(Destination destination, byte[] message) throws SphinxException {
        Set<ByteBuffer> forbidden = new HashSet<>();
        forbidden.addAll(PropertyFixtures.windows(destination.address().toByteArray(), PLAINTEXT_WINDOW));
        forbidden.addAll(PropertyFixtures.windows(destination.surbId().toByteArray(), PLAINTEXT_WINDOW));
        forbidden.addAll(PropertyFixtures.windows(PayloadCodec.pad(SphinxGeometry.DEFAULT, message), PLAINTEXT_WINDOW));
        return forbidden;
    }

    private static void assertNoneOnTheWire(Set<ByteBuffer> forbidden, List<SphinxPacket> wire) {
        for (int hop = 0; hop < wire.size(); hop++) {
            PropertyFixtures.assertNoWindowOf(forbidden, wire.get(hop).toBytes(), PLAINTEXT_WINDOW, "packet at hop " + hop);
        }
    }
}
