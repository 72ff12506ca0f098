package nym.traffic.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.traffic.Await;

/** A batched intake hands over what is queued, in arrival order, never more than its batch size. */
class PacketIntakeBatchTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Test
    void queuedPacketsArriveInBatchesInOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<List<SphinxPacket>> batches = new CopyOnWriteArrayList<>();
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (PacketIntake intake = PacketIntake.start(any, SphinxGeometry.DEFAULT, 1, 100, "test", 4, batch -> {
            batches.add(batch);
            try {
                release.await(DEADLINE.toSeconds(), TimeUnit.SECONDS); // the first batch holds the worker
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }); PacketSender sender = PacketSender.create(PacketSender.Config.DEFAULT)) {
            List<SphinxPacket> sent = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(3);
            for (int i = 0; i < 9; i++) {
                byte[] bytes = new byte[SphinxGeometry.DEFAULT.packetLength()];
                random.nextBytes(bytes);
                SphinxPacket packet = SphinxPacket.fromBytes(SphinxGeometry.DEFAULT, bytes);
                sent.add(packet);
                sender.send(intake.localAddress(), packet);
                if (i == 0) {
                    // The worker now holds the first packet alone.
                    Await.until("the first batch", DEADLINE, () -> batches.size() == 1);
                }
            }
            Await.until("nine packets read", DEADLINE, () -> intake.received() == 9);
            release.countDown();
            Await.until("nine packets handled", DEADLINE,
                    () -> batches.stream().mapToInt(List::size).sum() == 9);

            List<SphinxPacket> handled = batches.stream().flatMap(List::stream).toList();
            assertEquals(sent, handled, "every packet once, in arrival order");
            assertEquals(List.of(1, 4, 4), batches.stream().map(List::size).toList());
        }
    }
}
