package nym.traffic.mixnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.sphinx.ReplayTag;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.traffic.Await;
import nym.traffic.transport.PacketIntake;
import nym.traffic.transport.PacketSender;

/**
 * A node stopped cleanly (Ctrl-C, SIGTERM) while a worker has a batch in hand: {@link PacketIntake#close()}
 * interrupts the workers, and the one still unwrapping then persists its batch's tags interrupted. The
 * tags must reach the file all the same and the filter close cleanly; before, the write threw
 * ClosedByInterruptException, the journal failed (those tags lost while their packets went on), and the
 * next start found the tags incomplete and replaced the key.
 */
class TagsOfABatchInHandAtCloseTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    @Test
    void aWorkerInterruptedByCloseStillWritesItsBatchsTags() throws Exception {
        List<ReplayTag> tags = RealReplayTags.of(2, 21);
        AtomicBoolean handled = new AtomicBoolean();
        PersistentReplayFilter filter = PersistentReplayFilter.open(directory, 16);
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        PacketIntake intake = PacketIntake.start(any, SphinxGeometry.DEFAULT, 1, 16, "in-hand", 1, batch -> {
            while (!Thread.currentThread().isInterrupted()) { // unwrapping, until close() interrupts the worker
                Thread.onSpinWait();
            }
            try {
                filter.recordFirstUse(tags.get(0)); // as SphinxKeys.unwrapAll: record, persist, hand over
                filter.recordFirstUse(tags.get(1));
            } catch (SphinxException e) {
                throw new IllegalStateException(e);
            }
            filter.persist();
            handled.set(true);
        });
        try (PacketSender sender = PacketSender.create(PacketSender.Config.DEFAULT)) {
            byte[] bytes = new byte[SphinxGeometry.DEFAULT.packetLength()];
            new SplittableRandom(3).nextBytes(bytes);
            sender.send(intake.localAddress(), SphinxPacket.fromBytes(SphinxGeometry.DEFAULT, bytes));
            Await.until("the packet read", DEADLINE, () -> intake.received() == 1);
        }
        intake.close(); // the shutdown hook's order: the node, then its filters
        filter.close();
        assertEquals(true, handled.get());
        try (PersistentReplayFilter restarted = PersistentReplayFilter.open(directory, 16)) {
            assertFalse(restarted.tagsMayBeIncomplete(), "stopped cleanly, so the key is kept");
            assertEquals(2, restarted.size(), "the tags of the packets handed over are on disk");
        }
    }
}
