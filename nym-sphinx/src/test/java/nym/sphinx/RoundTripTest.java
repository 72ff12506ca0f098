package nym.sphinx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import nym.crypto.keys.X25519KeyPair;
import nym.sphinx.route.Destination;

/** Packets built with random keys cross every route length and arrive intact. */
class RoundTripTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void messageCrossesEveryRouteLength(int hops) throws Exception {
        SplittableRandom random = new SplittableRandom(hops);
        TestRoutes route = TestRoutes.random(hops, random);
        Destination destination = TestRoutes.destination(random);
        byte[] message = ("route of " + hops + " hops").getBytes(StandardCharsets.UTF_8);

        SphinxPacket packet = PacketBuilder.create().route(route.hops()).delays(route.delays())
                .destination(destination).message(message).random(random).build();
        ProcessedPacket.FinalHop last = route.walk(packet, null);

        assertEquals(destination.address(), last.destination());
        assertEquals(destination.surbId(), last.surbId());
        assertArrayEquals(message, last.payload().recoverMessage());
    }

    @Test
    void longestMessageFitsAndOneMoreByteIsRefused() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        TestRoutes route = TestRoutes.random(3, random);
        byte[] longest = new byte[SphinxGeometry.DEFAULT.maxMessageLength()];
        random.nextBytes(longest);
        SphinxPacket packet = PacketBuilder.create().route(route.hops()).delays(route.delays())
                .destination(TestRoutes.destination(random)).message(longest).random(random).build();
        assertArrayEquals(longest, route.walk(packet, null).payload().recoverMessage());

        SphinxException tooLong = assertThrows(SphinxException.class,
                () -> PacketBuilder.create().message(new byte[longest.length + 1]));
        assertEquals(SphinxException.Reason.MESSAGE_TOO_LONG, tooLong.reason());
    }

    @Test
    void routesOfZeroOrSixHopsAreRefused() {
        SplittableRandom random = new SplittableRandom(3);
        TestRoutes six = TestRoutes.random(6, random);
        SphinxException tooLong = assertThrows(SphinxException.class, () -> PacketBuilder.create()
                .route(six.hops()).delays(six.delays()).destination(TestRoutes.destination(random)).random(random)
                .build());
        assertEquals(SphinxException.Reason.BAD_ROUTE, tooLong.reason());
        SphinxException empty = assertThrows(SphinxException.class, () -> PacketBuilder.create()
                .route(List.of()).delays(List.of()).destination(TestRoutes.destination(random)).random(random)
                .build());
        assertEquals(SphinxException.Reason.BAD_ROUTE, empty.reason());
    }

    @Test
    void aNodeWithAnotherKeyFailsTheMac() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        TestRoutes route = TestRoutes.random(3, random);
        SphinxPacket packet = PacketBuilder.create().route(route.hops()).delays(route.delays())
                .destination(TestRoutes.destination(random)).random(random).build();
        X25519KeyPair stranger = X25519KeyPair.generate(random);
        SphinxException e = assertThrows(SphinxException.class,
                () -> PacketProcessor.forKey(stranger.privateKey()).process(packet));
        assertEquals(SphinxException.Reason.MAC_MISMATCH, e.reason());
    }
}
