package nym.sphinx;

import static nym.sphinx.PropertyFixtures.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import nym.crypto.keys.X25519KeyPair;
import nym.crypto.keys.X25519PrivateKey;
import nym.sphinx.SphinxException.Reason;
import nym.sphinx.route.Delay;
import nym.sphinx.surb.Surb;
import nym.sphinx.surb.SurbBuilder;

/**
 * One test per {@link Reason} this module produces (REPLAY belongs to the replay stores of
 * nym.traffic). Each asserts the reason and, through {@link PropertyFixtures#assertRefused}, that the
 * message is one line starting with {@code sphinx: }.
 */
class SphinxExceptionReasonTest {
    private static final int PACKET_LENGTH = SphinxGeometry.DEFAULT.packetLength();

    private final Trial trial = Trial.of(3, 9);
    private final SplittableRandom random = trial.random();
    private final TestRoutes route = trial.route();
    private final X25519PrivateKey firstKey = trial.key(0);
    private final PacketProcessor firstHop = trial.node(0);

    private SphinxPacket packet() throws SphinxException {
        return trial.packet(new byte[] {1, 2, 3});
    }

    @Test
    void truncated() throws SphinxException {
        SphinxException shortPacket = assertRefused(Reason.TRUNCATED,
                () -> SphinxPacket.fromBytes(new byte[PACKET_LENGTH - 1]));
        assertTrue(shortPacket.getMessage().contains(PACKET_LENGTH + " bytes, got " + (PACKET_LENGTH - 1)),
                shortPacket.getMessage());
        assertRefused(Reason.TRUNCATED, () -> firstHop.process(new byte[PACKET_LENGTH + 1]));
        assertRefused(Reason.TRUNCATED, () -> Surb.fromBytes(new byte[1]));
        assertRefused(Reason.TRUNCATED, () -> Delay.readFrom(new byte[Delay.LENGTH - 1], 0));

        SphinxGeometry small = SphinxGeometry.of(2, SphinxGeometry.DEFAULT_PAYLOAD_LENGTH);
        SphinxPacket otherGeometry = SphinxPacket.fromBytes(small, new byte[small.packetLength()]);
        assertRefused(Reason.TRUNCATED, () -> firstHop.process(otherGeometry));
    }

    @Test
    void unknownVersion() throws SphinxException {
        SphinxPacket forged = HeaderSurgery.rewriteRouting(packet(), firstKey,
                routing -> routing[SphinxGeometry.VERSION_OFFSET + 1] ^= 1);
        assertRefused(Reason.UNKNOWN_VERSION, () -> firstHop.process(forged));
    }

    @Test
    void macMismatch() throws SphinxException {
        byte[] bytes = packet().toBytes();
        SphinxException tampered = assertRefused(Reason.MAC_MISMATCH, () -> firstHop.process(
                PropertyFixtures.flipBit(bytes, SphinxGeometry.DEFAULT.gammaOffset() * Byte.SIZE)));
        assertEquals("sphinx: header authentication failed", tampered.getMessage());

        PacketProcessor stranger = PacketProcessor.forKey(X25519KeyPair.generate(random).privateKey());
        assertRefused(Reason.MAC_MISMATCH, () -> stranger.process(bytes));
    }

    @Test
    void badRoutingCommand() throws SphinxException {
        SphinxPacket unknownFlag = HeaderSurgery.rewriteRouting(packet(), firstKey, routing -> routing[0] = 0x03);
        assertRefused(Reason.BAD_ROUTING_COMMAND, () -> firstHop.process(unknownFlag));

        SphinxPacket delayTooLong = HeaderSurgery.rewriteRouting(packet(), firstKey,
                routing -> routing[SphinxGeometry.DELAY_OFFSET] |= (byte) 0x80);
        SphinxException delay = assertRefused(Reason.BAD_ROUTING_COMMAND, () -> firstHop.process(delayTooLong));
        assertTrue(delay.getMessage().contains("delay"), delay.getMessage());
    }

    @Test
    void badPayloadPadding() throws SphinxException {
        byte[] tampered = PropertyFixtures.flipBit(packet().toBytes(), PACKET_LENGTH * Byte.SIZE - 1);
        ProcessedPacket.FinalHop last = route.walk(SphinxPacket.fromBytes(tampered), null);
        assertRefused(Reason.BAD_PAYLOAD_PADDING, () -> last.payload().recoverMessage());

        byte[] noTerminator = new byte[SphinxGeometry.DEFAULT_PAYLOAD_LENGTH];
        assertRefused(Reason.BAD_PAYLOAD_PADDING, () -> PacketPayload.fromBytes(noTerminator).recoverMessage());
    }

    @Test
    void badRoute() {
        assertRefused(Reason.BAD_ROUTE, () -> PacketBuilder.create().route(List.of()).delays(List.of())
                .destination(TestRoutes.destination(random)).random(random).build());
        assertRefused(Reason.BAD_ROUTE, () -> PacketBuilder.create().route(route.hops())
                .delays(route.delays().subList(0, 1)).destination(TestRoutes.destination(random)).random(random)
                .build());
        assertRefused(Reason.BAD_ROUTE, () -> PacketBuilder.create().route(route.hops()).delays(route.delays())
                .random(random).build());
        assertRefused(Reason.BAD_ROUTE, () -> SurbBuilder.create().route(route.hops()).delays(route.delays())
                .random(random).build());
    }

    @Test
    void messageTooLong() throws SphinxException {
        byte[] tooLong = new byte[SphinxGeometry.DEFAULT.maxMessageLength() + 1];
        SphinxException e = assertRefused(Reason.MESSAGE_TOO_LONG, () -> PacketBuilder.create().message(tooLong));
        assertTrue(e.getMessage().contains(String.valueOf(tooLong.length)), e.getMessage());

        Surb surb = SurbBuilder.create().route(route.hops()).delays(route.delays())
                .destination(TestRoutes.destination(random).address()).random(random).build().surb();
        assertRefused(Reason.MESSAGE_TOO_LONG, () -> surb.createReply(tooLong));
    }

    @Test
    void badGeometry() {
        assertRefused(Reason.BAD_GEOMETRY, () -> SphinxGeometry.of(0, SphinxGeometry.DEFAULT_PAYLOAD_LENGTH));
        assertRefused(Reason.BAD_GEOMETRY, () -> SphinxGeometry.of(SphinxGeometry.MAX_SUPPORTED_HOPS + 1,
                SphinxGeometry.DEFAULT_PAYLOAD_LENGTH));
        assertRefused(Reason.BAD_GEOMETRY, () -> SphinxGeometry.of(1, SphinxGeometry.PAYLOAD_OVERHEAD));
    }
}
