package nym.sphinx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nym.crypto.group.GroupElement;
import nym.crypto.keys.X25519KeyPair;
import nym.crypto.keys.X25519PublicKey;
import nym.sphinx.internal.header.HeaderBuilder;
import nym.sphinx.internal.header.KeyMaterial;
import nym.sphinx.internal.header.RoutingKeys;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Hop;
import nym.sphinx.route.NodeAddress;

/**
 * Review test: packets whose α has low order (so that sk·α is the identity, u = 0, for any clamped
 * key) carry a valid γ, since anyone can derive the keys of the all-zero shared secret. Inside a
 * batch, with ordinary packets around them and more packets than lanes, each outcome must equal
 * {@link PacketProcessor#process}; the re-blinding b·α of such an α is again of low order (Z = 0 in
 * a lane of the second batch ladder).
 */
class BatchLowOrderAlphaTest {
    @BeforeAll
    static void compileAndMeasureTheLanes() {
        PacketProcessor.warmUpBatches();
    }

    private static final List<String> LOW_ORDER = List.of(
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0100000000000000000000000000000000000000000000000000000000000000",
            "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
            "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");

    @Test
    void lowOrderAlphasInsideABatchGiveWhatProcessGives() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        X25519KeyPair node = X25519KeyPair.generate(random);
        PacketProcessor processor = PacketProcessor.forKey(node.privateKey());
        List<SphinxPacket> packets = new ArrayList<>();
        for (int i = 0; i < 3 * PacketProcessor.preferredBatchSize() + 3; i++) {
            if (i % 3 == 1) {
                packets.add(lowOrderPacket(LOW_ORDER.get((i / 3) % LOW_ORDER.size()), random, i % 2 == 0));
            } else {
                TestRoutes others = TestRoutes.random(3, random);
                packets.add(PacketBuilder.create()
                        .route(List.of(new nym.sphinx.route.Hop(others.hops().get(0).address(), node.publicKey()),
                                others.hops().get(1), others.hops().get(2)))
                        .delays(others.delays()).destination(TestRoutes.destination(random))
                        .message(new byte[] {1, 2, 3}).random(random).build());
            }
        }
        List<PacketOutcome> outcomes = processor.processAll(packets);
        int lowOrderProcessed = 0;
        for (int i = 0; i < packets.size(); i++) {
            ProcessedPacket expected = processor.process(packets.get(i)); // low-order ones are accepted
            ProcessedPacket actual = assertInstanceOf(PacketOutcome.Processed.class, outcomes.get(i), "packet " + i)
                    .packet();
            switch (expected) {
                case ProcessedPacket.ForwardHop forward -> assertEquals(forward, actual, "packet " + i);
                case ProcessedPacket.FinalHop last -> {
                    ProcessedPacket.FinalHop other = assertInstanceOf(ProcessedPacket.FinalHop.class, actual);
                    assertEquals(last.replayTag(), other.replayTag());
                    assertArrayEquals(last.payload().toBytes(), other.payload().toBytes());
                }
            }
            if (i % 3 == 1) {
                lowOrderProcessed++;
            }
        }
        assertEquals(packets.size() / 3, lowOrderProcessed);
    }

    /** A header for the all-zero shared secret at every hop, with α = {@code alphaHex}. */
    private static SphinxPacket lowOrderPacket(String alphaHex, SplittableRandom random, boolean finalHop)
            throws Exception {
        SphinxGeometry geometry = SphinxGeometry.DEFAULT;
        int hops = finalHop ? 1 : 3;
        List<RoutingKeys> keys = new ArrayList<>();
        List<Hop> route = new ArrayList<>(); // the header reads the addresses only
        X25519PublicKey unread = X25519PublicKey.fromBytes(new byte[X25519PublicKey.LENGTH]);
        List<Delay> delays = new ArrayList<>();
        for (int i = 0; i < hops; i++) {
            keys.add(RoutingKeys.deriveFromBytes(new byte[32]));
            byte[] address = new byte[NodeAddress.LENGTH];
            random.nextBytes(address);
            route.add(new Hop(NodeAddress.fromBytes(address), unread));
            delays.add(Delay.ofMillis(1 + random.nextInt(100)));
        }
        KeyMaterial material = KeyMaterial.of(GroupElement.fromBytes(HexFormat.of().parseHex(alphaHex)), keys);
        byte[] bytes = new byte[geometry.packetLength()];
        HeaderBuilder.buildInto(geometry, material, route, delays, TestRoutes.destination(random),
                new byte[HeaderBuilder.finalPaddingLength(geometry, hops)], bytes, 0);
        byte[] payload = new byte[geometry.payloadLength()];
        random.nextBytes(payload);
        System.arraycopy(payload, 0, bytes, geometry.payloadOffset(), payload.length);
        return SphinxPacket.fromBytes(geometry, bytes);
    }
}
