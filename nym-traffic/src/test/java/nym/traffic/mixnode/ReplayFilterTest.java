package nym.traffic.mixnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.MessageDigest;
import java.util.List;

import org.junit.jupiter.api.Test;

import nym.sphinx.ReplayTag;
import nym.sphinx.SphinxException;
import nym.traffic.internal.TagTable;

class ReplayFilterTest {
    private static List<ReplayTag> tags(int count) throws Exception {
        return RealReplayTags.of(count, 9);
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
