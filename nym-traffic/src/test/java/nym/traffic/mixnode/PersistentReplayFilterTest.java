package nym.traffic.mixnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.sphinx.ReplayTag;
import nym.sphinx.SphinxException;

/** {@link PersistentReplayFilter}: what a node processed before a restart is still a replay after it. */
class PersistentReplayFilterTest {
    @TempDir
    Path directory;

    @Test
    void aReplayAfterARestartIsDropped() throws Exception {
        List<ReplayTag> tags = RealReplayTags.of(3, 11);
        try (PersistentReplayFilter filter = PersistentReplayFilter.open(directory, 16)) {
            filter.recordFirstUse(tags.get(0));
            filter.recordFirstUse(tags.get(1));
        }
        try (PersistentReplayFilter restarted = PersistentReplayFilter.open(directory, 16)) {
            assertEquals(2, restarted.size());
            assertReplay(restarted, tags.get(0));
            assertReplay(restarted, tags.get(1));
            restarted.recordFirstUse(tags.get(2));
        }
        try (PersistentReplayFilter again = PersistentReplayFilter.open(directory, 16)) {
            assertEquals(3, again.size());
            assertReplay(again, tags.get(2));
        }
    }

    @Test
    void generationsRotateOnDiskAsInMemory() throws Exception {
        int generation = 4;
        List<ReplayTag> tags = RealReplayTags.of(3 * generation + 1, 12);
        try (PersistentReplayFilter filter = PersistentReplayFilter.open(directory, generation)) {
            for (ReplayTag tag : tags) {
                filter.recordFirstUse(tag);
                assertTrue(tagFiles().size() <= 2, "at most two generation files: " + tagFiles());
            }
        }
        try (PersistentReplayFilter restarted = PersistentReplayFilter.open(directory, generation)) {
            assertTrue(restarted.size() <= 2L * generation);
            for (ReplayTag tag : tags.subList(tags.size() - generation, tags.size())) {
                assertReplay(restarted, tag);
            }
            restarted.recordFirstUse(tags.get(0)); // forgotten with its generation
        }
        assertTrue(tagFiles().size() <= 2, "old files deleted: " + tagFiles());
    }

    @Test
    void persistedTagsAreOnDiskWithoutAClose() throws Exception {
        List<ReplayTag> tags = RealReplayTags.of(2, 13);
        try (PersistentReplayFilter running = PersistentReplayFilter.open(directory, 16)) {
            running.recordFirstUse(tags.get(0));
            running.recordFirstUse(tags.get(1));
            running.persist();
            // As a killed process leaves it: whatever was written, without close().
            assertEquals(32, bytesOnDisk());
            try (PersistentReplayFilter restarted = PersistentReplayFilter.open(copyOfTheFiles(), 16)) {
                assertReplay(restarted, tags.get(0));
                assertReplay(restarted, tags.get(1));
            }
        }
    }

    @Test
    void aFilterClosedWithEveryTagWrittenLostNone() throws Exception {
        try (PersistentReplayFilter filter = PersistentReplayFilter.open(directory, 16, "")) {
            assertFalse(filter.tagsMayBeIncomplete(), "a new folder");
            filter.recordFirstUse(RealReplayTags.of(1, 16).getFirst());
        }
        try (PersistentReplayFilter restarted = PersistentReplayFilter.open(directory, 16, "")) {
            assertFalse(restarted.tagsMayBeIncomplete(), "closed cleanly, even where the boot is unknown");
        }
    }

    @Test
    void aFilterLeftOpenOnAMachineThatDidNotRestartLostNoTag() throws Exception {
        Path killed = leftOpen("boot-1", 17);
        try (PersistentReplayFilter restarted = PersistentReplayFilter.open(killed, 16, "boot-1")) {
            assertFalse(restarted.tagsMayBeIncomplete(), "a kill: every tag was written before its packet went on");
            assertEquals(1, restarted.size());
        }
    }

    @Test
    void aFilterLeftOpenWhenTheMachineRestartedMayHaveLostTagsUntilAClose() throws Exception {
        Path crashed = leftOpen("boot-1", 18);
        try (PersistentReplayFilter restarted = PersistentReplayFilter.open(crashed, 16, "boot-2")) {
            assertTrue(restarted.tagsMayBeIncomplete());
        }
        try (PersistentReplayFilter again = PersistentReplayFilter.open(crashed, 16, "boot-2")) {
            assertFalse(again.tagsMayBeIncomplete(), "closed cleanly since");
        }
    }

    @Test
    void aFilterLeftOpenWhereTheBootIsUnknownMayHaveLostTags() throws Exception {
        Path unknown = leftOpen("", 19);
        try (PersistentReplayFilter restarted = PersistentReplayFilter.open(unknown, 16, "")) {
            assertTrue(restarted.tagsMayBeIncomplete());
        }
    }

    @Test
    void aFilterWhoseDiskRefusedAWriteMayHaveLostTagsAfterItsClose() throws Exception {
        int generation = 2;
        List<ReplayTag> tags = RealReplayTags.of(2 * generation, 18);
        Path blocked;
        try (PersistentReplayFilter filter = PersistentReplayFilter.open(directory, generation, "boot-1")) {
            // The file of the next generation cannot be made: its name is taken by a folder.
            long current = generation(tagFiles().getLast());
            blocked = Files.createDirectory(directory.resolve("replay-" + (current + 1) + ".tags"));
            for (ReplayTag tag : tags) {
                filter.recordFirstUse(tag); // the third starts a generation, and the journal fails
            }
        }
        Files.delete(blocked); // the disk works again
        try (PersistentReplayFilter restarted = PersistentReplayFilter.open(directory, generation, "boot-1")) {
            assertTrue(restarted.tagsMayBeIncomplete(), "the tags since the failure are lost");
        }
    }

    @Test
    void aMarkThatCannotBeReadAsABootIdMayHaveLostTagsAndTheNodeStillStarts() throws Exception {
        Path garbled = leftOpen("boot-1", 20);
        // A crash while the mark was made (written, not yet synced) can leave other bytes than its
        // own: not the current boot's id, so tags may be missing; the filter must still open.
        Files.write(garbled.resolve("not-closed"), new byte[] {(byte) 0xc3, 0x28, (byte) 0xff});
        try (PersistentReplayFilter restarted = PersistentReplayFilter.open(garbled, 16, "boot-1")) {
            assertTrue(restarted.tagsMayBeIncomplete());
            assertEquals(1, restarted.size());
        }
        try (PersistentReplayFilter again = PersistentReplayFilter.open(garbled, 16, "boot-1")) {
            assertFalse(again.tagsMayBeIncomplete(), "closed cleanly since");
        }
    }

    @Test
    void aMarkThatIsAFolderMayHaveLostTagsAndTheNodeStillStarts() throws Exception {
        Path odd = leftOpen("boot-1", 21);
        Files.delete(odd.resolve("not-closed"));
        Files.createDirectory(odd.resolve("not-closed"));
        try (PersistentReplayFilter restarted = PersistentReplayFilter.open(odd, 16, "boot-1")) {
            assertTrue(restarted.tagsMayBeIncomplete());
        }
    }

    /** @return a copy of the files of a filter opened in {@code boot} and not closed, as a kill or a crash leaves them */
    private Path leftOpen(String boot, int seed) throws Exception {
        try (PersistentReplayFilter running = PersistentReplayFilter.open(directory, 16, boot)) {
            running.recordFirstUse(RealReplayTags.of(1, seed).getFirst());
            running.persist();
            return copyOfTheFiles();
        }
    }

    @Test
    void aThreadInterruptedWhileItHandsOverStillWritesItsTags() throws Exception {
        // PacketIntake.close() interrupts the workers, one of which may be persisting its batch's tags.
        List<ReplayTag> tags = RealReplayTags.of(2, 19);
        try (PersistentReplayFilter filter = PersistentReplayFilter.open(directory, 16)) {
            filter.recordFirstUse(tags.get(0));
            Thread.currentThread().interrupt();
            try {
                filter.recordFirstUse(tags.get(1));
                filter.persist();
                assertEquals(32, bytesOnDisk(), "both tags written before the packets go on");
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt is kept for its thread");
            }
        }
        try (PersistentReplayFilter restarted = PersistentReplayFilter.open(directory, 16)) {
            assertFalse(restarted.tagsMayBeIncomplete(), "a clean stop");
            assertEquals(2, restarted.size());
        }
    }

    @Test
    void aPartialLastRecordIsIgnored() throws Exception {
        List<ReplayTag> tags = RealReplayTags.of(2, 14);
        try (PersistentReplayFilter filter = PersistentReplayFilter.open(directory, 16)) {
            filter.recordFirstUse(tags.get(0));
        }
        Path newest = tagFiles().getLast();
        Files.write(newest, new byte[7], StandardOpenOption.APPEND); // a write cut short
        try (PersistentReplayFilter restarted = PersistentReplayFilter.open(directory, 16)) {
            assertEquals(1, restarted.size());
            assertReplay(restarted, tags.get(0));
            restarted.recordFirstUse(tags.get(1));
        }
        try (PersistentReplayFilter again = PersistentReplayFilter.open(directory, 16)) {
            assertReplay(again, tags.get(1));
        }
    }

    @Test
    void anOpenThatFailsHalfwayLeavesFilesTheNextOpenReadsInOrder() throws Exception {
        int generation = 4;
        List<ReplayTag> tags = RealReplayTags.of(9, 15);
        List<ReplayTag> older = tags.subList(0, 4);
        List<ReplayTag> newer = tags.subList(4, 7);
        try (PersistentReplayFilter filter = PersistentReplayFilter.open(directory, generation)) {
            for (ReplayTag tag : older) {
                filter.recordFirstUse(tag);
            }
            for (ReplayTag tag : newer) {
                filter.recordFirstUse(tag); // the first one starts a new generation
            }
        }
        // The next open writes the previous generation as a new file, then fails on the current one
        // (a full disk, or a crash, between the two rewrites).
        List<Path> before = tagFiles();
        long next = generation(before.getLast()) + 1;
        Path blocked = Files.createDirectory(directory.resolve("replay-" + (next + 1) + ".tags.tmp"));
        assertThrows(IOException.class, () -> PersistentReplayFilter.open(directory, generation));
        Files.delete(blocked);
        try (PersistentReplayFilter restarted = PersistentReplayFilter.open(directory, generation)) {
            restarted.recordFirstUse(tags.get(7));
            restarted.recordFirstUse(tags.get(8));
            // The last four tags recorded were newer's last two and these two.
            assertReplay(restarted, newer.get(1));
            assertReplay(restarted, newer.get(2));
        }
    }

    private static void assertReplay(ReplayFilter filter, ReplayTag tag) {
        SphinxException e = assertThrows(SphinxException.class, () -> filter.recordFirstUse(tag));
        assertEquals(SphinxException.Reason.REPLAY, e.reason());
    }

    private List<Path> tagFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tags"))
                    .sorted((a, b) -> Long.compare(generation(a), generation(b))).toList();
        }
    }

    private static long generation(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring("replay-".length(), name.length() - ".tags".length()));
    }

    private long bytesOnDisk() throws IOException {
        long total = 0;
        for (Path file : tagFiles()) {
            total += Files.size(file);
        }
        return total;
    }

    /** The tag files as they are now, copied beside the folder, for a filter that must not disturb the first. */
    private Path copyOfTheFiles() throws IOException {
        Path copy = Files.createDirectory(directory.resolveSibling(directory.getFileName() + "-copy"));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }
}
