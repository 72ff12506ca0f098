package nym.sphinx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import nym.crypto.keys.X25519KeyPair;
import nym.sphinx.route.Hop;

/**
 * {@link PacketProcessor#processAll} gives, packet by packet and in order, exactly what
 * {@link PacketProcessor#process} gives: the same next packet, payload and replay tag, or the same
 * refusal, for batches mixing forward hops, final hops, tampered headers, non-canonical αs and
 * packets for another node (batches long enough to fill the vector lanes and leave a remainder).
 */
class BatchProcessingPropertiesTest {
    /** Lanes are used only once the warm-up has measured that they pay (docs/performance.md). */
    @BeforeContainer
    static void compileAndMeasureTheLanes() {
        PacketProcessor.warmUpBatches();
    }

    private enum Kind { FORWARD, FINAL, TAMPERED_BETA, NON_CANONICAL_ALPHA, OTHER_NODE }

    @Property(tries = 25)
    void batchEqualsOneByOne(@ForAll("kinds") List<Kind> kinds, @ForAll long seed) throws SphinxException {
        SplittableRandom random = new SplittableRandom(seed);
        X25519KeyPair node = X25519KeyPair.generate(random);
        PacketProcessor processor = PacketProcessor.forKey(node.privateKey());
        List<SphinxPacket> packets = new ArrayList<>();
        for (Kind kind : kinds) {
            packets.add(packet(kind, node, random));
        }

        List<PacketOutcome> outcomes = processor.processAll(packets);

        assertEquals(packets.size(), outcomes.size());
        for (int i = 0; i < packets.size(); i++) {
            PacketOutcome expected;
            try {
                expected = new PacketOutcome.Processed(processor.process(packets.get(i)));
            } catch (SphinxException e) {
                expected = new PacketOutcome.Refused(e);
            }
            switch (expected) {
                case PacketOutcome.Processed one -> assertSame(one.packet(),
                        assertInstanceOf(PacketOutcome.Processed.class, outcomes.get(i), kinds.get(i).name()).packet());
                case PacketOutcome.Refused one -> assertEquals(one.error().reason(),
                        assertInstanceOf(PacketOutcome.Refused.class, outcomes.get(i), kinds.get(i).name()).error().reason());
            }
            boolean accepted = kinds.get(i) == Kind.FORWARD || kinds.get(i) == Kind.FINAL;
            assertEquals(accepted, outcomes.get(i) instanceof PacketOutcome.Processed, kinds.get(i).name());
        }
    }

    /** Records compare their parts; a payload has no equals, so its bytes are compared. */
    private static void assertSame(ProcessedPacket expected, ProcessedPacket actual) {
        switch (expected) {
            case ProcessedPacket.ForwardHop forward -> assertEquals(forward, actual);
            case ProcessedPacket.FinalHop last -> {
                ProcessedPacket.FinalHop other = assertInstanceOf(ProcessedPacket.FinalHop.class, actual);
                assertEquals(last.destination(), other.destination());
                assertEquals(last.surbId(), other.surbId());
                assertEquals(last.replayTag(), other.replayTag());
                assertArrayEquals(last.payload().toBytes(), other.payload().toBytes());
            }
        }
    }

    private static SphinxPacket packet(Kind kind, X25519KeyPair node, SplittableRandom random) throws SphinxException {
        TestRoutes others = TestRoutes.random(3, random);
        List<Hop> hops = new ArrayList<>(others.hops());
        if (kind != Kind.OTHER_NODE) {
            hops.set(0, new Hop(hops.get(0).address(), node.publicKey()));
        }
        int length = kind == Kind.FINAL ? 1 : 3;
        SphinxPacket packet = PacketBuilder.create().route(hops.subList(0, length))
                .delays(others.delays().subList(0, length)).destination(TestRoutes.destination(random))
                .message(new byte[] {1, 2, 3}).random(random).build();
        SphinxGeometry geometry = packet.geometry();
        byte[] bytes = packet.toBytes();
        switch (kind) {
            case TAMPERED_BETA -> bytes[geometry.betaOffset() + random.nextInt(geometry.betaLength())] ^= 1;
            case NON_CANONICAL_ALPHA -> bytes[geometry.alphaOffset() + SphinxGeometry.ALPHA_LENGTH - 1] |= (byte) 0x80;
            default -> { }
        }
        return SphinxPacket.fromBytes(geometry, bytes);
    }

    @Provide
    Arbitrary<List<Kind>> kinds() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.FORWARD)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.FINAL)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.TAMPERED_BETA)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.NON_CANONICAL_ALPHA)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.OTHER_NODE)))
                .list().ofMinSize(0).ofMaxSize(20);
    }
}
