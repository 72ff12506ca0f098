package nym.traffic.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.traffic.Await;

/** A worker finishes the batches in hand when the intake closes, and survives a handler that throws. */
class PacketIntakeWorkerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    void closeLetsEveryQueuedAndInHandBatchFinish() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        PacketIntake intake = PacketIntake.start(ANY, SphinxGeometry.DEFAULT, 2, 100, "close", 4, batch -> {
            long until = System.nanoTime() + 30_000_000; // 30 ms of CPU work per batch, no interruptible wait
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            handled.addAndGet(batch.size());
        });
        try (PacketSender sender = PacketSender.create(PacketSender.Config.DEFAULT)) {
            SplittableRandom random = new SplittableRandom(1);
            for (int i = 0; i < 40; i++) {
                byte[] bytes = new byte[SphinxGeometry.DEFAULT.packetLength()];
                random.nextBytes(bytes);
                sender.send(intake.localAddress(), SphinxPacket.fromBytes(SphinxGeometry.DEFAULT, bytes));
            }
            Await.until("forty packets read", DEADLINE, () -> intake.received() == 40);
        }
        intake.close();
        assertEquals(40, handled.get(), "every packet received before close() is handled");
    }

    /**
     * A handler's unchecked exception is counted and logged; before, it ended the worker thread, every
     * later packet waited in the queue and close() waited its whole drain timeout.
     */
    @Test
    void aHandlerThatThrowsOnceDoesNotStopTheWorker() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();
        try (PacketIntake intake = PacketIntake.start(ANY, SphinxGeometry.DEFAULT, 1, 100, "throw", 4, batch -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("one bad batch");
            }
            handled.addAndGet(batch.size());
        }); PacketSender sender = PacketSender.create(PacketSender.Config.DEFAULT)) {
            SplittableRandom random = new SplittableRandom(2);
            for (int i = 0; i < 10; i++) {
                byte[] bytes = new byte[SphinxGeometry.DEFAULT.packetLength()];
                random.nextBytes(bytes);
                sender.send(intake.localAddress(), SphinxPacket.fromBytes(SphinxGeometry.DEFAULT, bytes));
                Await.until("the first batch", DEADLINE, () -> calls.get() >= 1);
            }
            Await.until("ten packets read", DEADLINE, () -> intake.received() == 10);
            Await.until("every packet handled or failed", DEADLINE,
                    () -> handled.get() + intake.failedPackets() == 10);
            assertEquals(1, intake.failedPackets(), "only the first batch (one packet) failed");
            assertEquals(9, handled.get(), "every later packet was handled by the same worker");
        }
    }
}
