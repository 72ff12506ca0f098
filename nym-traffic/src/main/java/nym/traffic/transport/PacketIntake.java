package nym.traffic.transport;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;

/**
 * How a node takes packets in: a {@link PacketListener} whose reading threads only put each packet
 * into a bounded queue (dropping and counting when it is full), and worker threads that take
 * packets from the queue and hand them to the node's handler, one by one or, for a handler that
 * gains from it (a mix node's batched cryptography), in batches of what is already queued: a worker
 * never waits for a batch to fill. Mix nodes and providers both stand on it, so the reading threads
 * of either never block on cryptography or storage.
 *
 * <p>Thread-safe. {@link #close()} stops the listener, lets the workers drain the queue, and stops them.
 */
public final class PacketIntake implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PacketIntake.class.getName());
    /** How long {@link #close()} waits for queued packets to be handled, and for each worker to end. */
    public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final long DRAIN_POLL_NANOS = 10_000_000;

    private final BlockingQueue<SphinxPacket> queue;
    private final Consumer<List<SphinxPacket>> handler;
    private final int maxBatch;
    private final LongAdder received = new LongAdder();
    private final LongAdder droppedQueueFull = new LongAdder();
    private final LongAdder failedPackets = new LongAdder();
    private final List<Thread> workers = new ArrayList<>();
    private final PacketListener listener;
    private volatile boolean closed;

    private PacketIntake(InetSocketAddress bind, SphinxGeometry geometry, int workerThreads, int queueCapacity,
            String name, int maxBatch, Consumer<List<SphinxPacket>> handler) throws IOException {
        if (workerThreads < 1 || queueCapacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("workerThreads, queueCapacity and maxBatch must be positive");
        }
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.handler = Objects.requireNonNull(handler, "handler");
        this.maxBatch = maxBatch;
        this.listener = PacketListener.start(bind, geometry, (packet, from) -> {
            received.increment();
            if (!queue.offer(packet)) {
                droppedQueueFull.increment();
            }
        });
        // Only once bound: an address in use would otherwise leave the workers waiting forever.
        for (int i = 0; i < workerThreads; i++) {
            workers.add(Thread.ofPlatform().daemon().name(name + "-worker-" + i).start(this::work));
        }
    }

    /**
     * Binds {@code bind} and starts {@code workerThreads} workers. Each worker hands {@code handler}
     * the packet it took together with those already queued behind it, up to {@code maxBatch} in
     * all, in arrival order; batches from different workers are in no particular order.
     *
     * @param name the prefix of the worker threads' names
     * @param maxBatch the largest batch, at least 1
     * @throws IOException if the address cannot be bound
     */
    public static PacketIntake start(InetSocketAddress bind, SphinxGeometry geometry, int workerThreads,
            int queueCapacity, String name, int maxBatch, Consumer<List<SphinxPacket>> handler) throws IOException {
        return new PacketIntake(bind, geometry, workerThreads, queueCapacity, name, maxBatch, handler);
    }

    /** @return where packets are accepted */
    public InetSocketAddress localAddress() {
        return listener.localAddress();
    }

    /** @return packets read from the network */
    public long received() {
        return received.sum();
    }

    /** @return packets dropped because the queue was full */
    public long droppedQueueFull() {
        return droppedQueueFull.sum();
    }

    /** @return packets of batches whose handler threw an unchecked exception (a bug; each is logged) */
    public long failedPackets() {
        return failedPackets.sum();
    }

    /** @return connections closed because of a malformed frame */
    public long badFrames() {
        return listener.badFrames();
    }

    private void work() {
        List<SphinxPacket> batch = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            try {
                handler.accept(List.copyOf(batch));
            } catch (RuntimeException e) {
                // A bug in a handler must not stop the worker: it would silently stop the node.
                failedPackets.add(batch.size());
                LOG.log(Level.ERROR, "a batch of " + batch.size() + " packets failed in the handler: " + e, e);
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Stops accepting, lets the workers finish what is queued (for up to {@link #DRAIN_TIMEOUT}), then
     * stops them and waits for each to end, so a provider's store is never closed under a worker.
     */
    @Override
    public void close() {
        listener.close();
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (!queue.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(DRAIN_POLL_NANOS);
        }
        closed = true;
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(DRAIN_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
