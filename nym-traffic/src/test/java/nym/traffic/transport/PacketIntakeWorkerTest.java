package nym.traffic.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;

/** A worker finishes the batches in hand when the intake closes, and survives a handler that throws. */
class PacketIntakeWorkerTest {
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
            waitFor(() -> intake.received() == 40);
        }
        intake.close();
        assertEquals(40, handled.get(), "every packet received before close() is handled");
    }

    /**
     * Fails on main: a handler's unchecked exception ends the worker thread (PacketIntake.work has no
     * catch), so every later packet waits in the queue and close() waits its whole drain timeout.
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
                waitFor(() -> calls.get() >= 1);
            }
            waitFor(() -> intake.received() == 10);
            waitFor(() -> handled.get() + intake.failedPackets() == 10);
            assertEquals(1, intake.failedPackets(), "only the first batch (one packet) failed");
            assertEquals(9, handled.get(), "every later packet was handled by the same worker");
        }
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met");
            LockSupport.parkNanos(10_000_000);
        }
    }
}
