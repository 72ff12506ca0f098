package nym.traffic.mixnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import nym.crypto.keys.X25519KeyPair;
import nym.sphinx.PacketBuilder;
import nym.sphinx.PacketProcessor;
import nym.sphinx.ReplayTag;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxPacket;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.NodeAddress;
import nym.sphinx.route.SurbId;
import nym.traffic.internal.TagTable;

class ReplayFilterTest {
    private static List<ReplayTag> tags(int count) throws Exception {
        // Real tags: process real one-hop packets at one node.
        SplittableRandom random = new SplittableRandom(9);
        X25519KeyPair node = X25519KeyPair.generate(random);
        Hop hop = new Hop(NodeAddress.fromBytes(new byte[32]), node.publicKey());
        Destination destination = new Destination(DestinationAddress.fromBytes(new byte[32]),
                SurbId.fromBytes(new byte[16]));
        List<ReplayTag> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SphinxPacket packet = PacketBuilder.create().route(List.of(hop)).delays(List.of(Delay.ZERO))
                    .destination(destination).random(random).build();
            out.add(PacketProcessor.forKey(node.privateKey()).process(packet).replayTag());
        }
        return out;
    }

    @Test
    void aSecondUseIsAReplay() throws Exception {
        InMemoryReplayFilter filter = new InMemoryReplayFilter(16);
        List<ReplayTag> tags = tags(2);
        filter.recordFirstUse(tags.get(0));
        filter.recordFirstUse(tags.get(1));
        SphinxException e = assertThrows(SphinxException.class, () -> filter.recordFirstUse(tags.get(0)));
        assertEquals(SphinxException.Reason.REPLAY, e.reason());
        assertEquals(2, filter.size());
    }

    @Test
    void theFilterRemembersAtLeastOneGenerationAndStaysBounded() throws Exception {
        int generation = 8;
        InMemoryReplayFilter filter = new InMemoryReplayFilter(generation);
        List<ReplayTag> tags = tags(3 * generation);
        for (ReplayTag tag : tags) {
            filter.recordFirstUse(tag);
            assertEquals(true, filter.size() <= 2L * generation, "bounded at two generations");
        }
        // The last `generation` tags are always remembered.
        for (ReplayTag tag : tags.subList(tags.size() - generation, tags.size())) {
            assertThrows(SphinxException.class, () -> filter.recordFirstUse(tag));
        }
        // The oldest were forgotten when their generation rotated out.
        filter.recordFirstUse(tags.get(0));
    }

    @Test
    void tagTableHoldsItsCapacityIncludingZero() throws Exception {
        TagTable table = new TagTable(100);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        table.add(0, 0);
        for (int i = 1; i < 100; i++) {
            byte[] h = sha.digest(new byte[] {(byte) i, (byte) (i >> 8)});
            table.add(java.nio.ByteBuffer.wrap(h).getLong(), java.nio.ByteBuffer.wrap(h).getLong(8));
        }
        assertEquals(100, table.size());
        assertEquals(true, table.contains(0, 0));
        assertEquals(false, table.contains(1, 2));
        assertThrows(IllegalStateException.class, () -> table.add(3, 4));
        table.clear();
        assertEquals(false, table.contains(0, 0));
    }
}
