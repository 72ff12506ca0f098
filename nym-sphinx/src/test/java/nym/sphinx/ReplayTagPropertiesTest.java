package nym.sphinx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import nym.crypto.SecretAccess;
import nym.sphinx.route.Destination;

/**
 * The replay tag identifies a packet at a node: a replay of the same packet, even with a changed
 * payload, has the same tag there; different packets, and one packet at different hops, have
 * different tags.
 */
class ReplayTagPropertiesTest {
    private static final Destination RECIPIENT =
            PropertyFixtures.ordinary(TestRoutes.destination(new SplittableRandom(0)).address());
    private static final byte[] MESSAGE = {42};

    @Property(tries = 50)
    void aReplayedPacketHasTheSameTagAndResult(
            @ForAll @IntRange(min = 1, max = SphinxGeometry.MAX_SUPPORTED_HOPS) int hops, @ForAll long seed)
            throws SphinxException {
        Trial trial = Trial.of(hops, seed);
        byte[] packet = trial.packet(MESSAGE).toBytes();
        ProcessedPacket first = trial.node(0).process(packet);
        ProcessedPacket replay = trial.node(0).process(packet.clone());
        assertEquals(first.replayTag(), replay.replayTag());
        if (first instanceof ProcessedPacket.ForwardHop forward) {
            assertEquals(forward.next(), ((ProcessedPacket.ForwardHop) replay).next());
        }
    }

    /** tag = SHA-256(s), s = sk·α, whether the packet is processed alone or in a batch. */
    @Property(tries = 30)
    void theTagIsTheSha256OfTheSharedSecret(
            @ForAll @IntRange(min = 1, max = SphinxGeometry.MAX_SUPPORTED_HOPS) int hops, @ForAll long seed)
            throws Exception {
        Trial trial = Trial.of(hops, seed);
        SphinxPacket packet = trial.packet(MESSAGE);
        byte[] s = trial.key(0).sharedSecret(packet.alpha()).toBytes(SecretAccess.insecureGrant());
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(s);
        assertArrayEquals(expected, trial.node(0).process(packet).replayTag().toByteArray());
        PacketOutcome batched = trial.node(0).processAll(List.of(packet, packet)).get(1);
        assertArrayEquals(expected, ((PacketOutcome.Processed) batched).packet().replayTag().toByteArray());
    }

    /** The tag depends on α alone, so a replay with a tampered payload is still caught. */
    @Property(tries = 30)
    void aReplayWithAnotherPayloadHasTheSameTag(
            @ForAll @IntRange(min = 0, max = SphinxGeometry.DEFAULT_PAYLOAD_LENGTH * Byte.SIZE - 1) int bit,
            @ForAll @IntRange(min = 1, max = SphinxGeometry.MAX_SUPPORTED_HOPS) int hops, @ForAll long seed)
            throws SphinxException {
        Trial trial = Trial.of(hops, seed);
        byte[] packet = trial.packet(MESSAGE).toBytes();
        byte[] tampered = PropertyFixtures.flipBit(packet, SphinxGeometry.DEFAULT.payloadOffset() * Byte.SIZE + bit);
        assertEquals(trial.node(0).process(packet).replayTag(), trial.node(0).process(tampered).replayTag());
    }

    @Property(tries = 50)
    void differentPacketsToOneNodeHaveDifferentTags(
            @ForAll @IntRange(min = 1, max = SphinxGeometry.MAX_SUPPORTED_HOPS) int hops, @ForAll long seed)
            throws SphinxException {
        Trial trial = Trial.of(hops, seed);
        // Same route, destination and message: only the sender's fresh randomness differs.
        SphinxPacket one = PropertyFixtures.packet(trial.route(), RECIPIENT, MESSAGE, new SplittableRandom(seed ^ 1));
        SphinxPacket two = PropertyFixtures.packet(trial.route(), RECIPIENT, MESSAGE, new SplittableRandom(seed ^ 2));
        assertNotEquals(trial.node(0).process(one).replayTag(), trial.node(0).process(two).replayTag());
    }

    @Property(tries = 30)
    void onePacketHasADifferentTagAtEveryHop(
            @ForAll @IntRange(min = 2, max = SphinxGeometry.MAX_SUPPORTED_HOPS) int hops, @ForAll long seed)
            throws SphinxException {
        Trial trial = Trial.of(hops, seed);
        List<SphinxPacket> seen = PropertyFixtures.hops(trial.route(), trial.packet(MESSAGE));
        Set<ReplayTag> tags = new HashSet<>();
        for (int hop = 0; hop < seen.size(); hop++) {
            tags.add(trial.node(hop).process(seen.get(hop)).replayTag());
        }
        assertEquals(hops, tags.size());
    }
}
