package nym.traffic.transport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import nym.sphinx.SphinxPacket;
import nym.traffic.internal.OutboundConnection;

/**
 * Sends packets to other nodes over persistent TCP connections, one per next hop, each with a
 * bounded queue drained by its own virtual thread. A lost connection is re-opened with exponential
 * backoff; packets wait in the queue meanwhile. {@link #send} never blocks: when the queue of a hop
 * is full, or the packet names a next hop beyond the configured number, it is dropped and counted.
 *
 * <p>Thread-safe.
 */
public final class PacketSender implements AutoCloseable {
    /**
     * @param queueCapacity packets waiting per next hop before new ones are dropped
     * @param connectTimeout how long one connection attempt may take
     * @param maxBackoff the longest wait between reconnection attempts
     * @param maxNextHops distinct next hops with a connection; packets for more are dropped, so a
     *     sender naming arbitrary next hops cannot make the node open unbounded connections
     */
    public record Config(int queueCapacity, Duration connectTimeout, Duration maxBackoff, int maxNextHops) {
        /** 10,000 packets, 2 s, 5 s, 1,024 next hops. */
        public static final Config DEFAULT = new Config(10_000, Duration.ofSeconds(2), Duration.ofSeconds(5), 1024);

        /** Checks the ranges. */
        public Config {
            if (queueCapacity < 1 || maxNextHops < 1) {
                throw new IllegalArgumentException("queueCapacity and maxNextHops must be positive");
            }
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
        }
    }

    private final Config config;
    private final Map<InetSocketAddress, OutboundConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong droppedQueueFull = new AtomicLong();
    private final AtomicLong droppedWriteFailed = new AtomicLong();
    private final AtomicLong droppedTooManyNextHops = new AtomicLong();
    private volatile boolean closed;

    private PacketSender(Config config) {
        this.config = config;
    }

    /** @return a sender with {@code config} */
    public static PacketSender create(Config config) {
        return new PacketSender(Objects.requireNonNull(config, "config"));
    }

    /**
     * Queues {@code packet} for {@code nextHop}.
     *
     * @return false if the packet was dropped because the hop's queue is full or the sender is closed
     */
    public boolean send(InetSocketAddress nextHop, SphinxPacket packet) {
        if (closed) {
            return false;
        }
        if (!connections.containsKey(nextHop) && connections.size() >= config.maxNextHops()) {
            droppedTooManyNextHops.incrementAndGet();
            return false;
        }
        OutboundConnection connection = connections.computeIfAbsent(nextHop,
                hop -> new OutboundConnection(hop, config.queueCapacity(), config.connectTimeout(),
                        config.maxBackoff(), sent, droppedWriteFailed));
        if (!connection.offer(packet)) {
            droppedQueueFull.incrementAndGet();
            return false;
        }
        return true;
    }

    /** @return packets written to a socket */
    public long sent() {
        return sent.get();
    }

    /** @return packets dropped because a next hop's queue was full */
    public long droppedQueueFull() {
        return droppedQueueFull.get();
    }

    /** @return packets lost because the connection failed while writing them */
    public long droppedWriteFailed() {
        return droppedWriteFailed.get();
    }

    /** @return packets dropped because they named a next hop beyond {@code maxNextHops} */
    public long droppedTooManyNextHops() {
        return droppedTooManyNextHops.get();
    }

    /** @return packets waiting in all queues */
    public int queued() {
        return connections.values().stream().mapToInt(OutboundConnection::queued).sum();
    }

    /** Stops every connection; queued packets are discarded. */
    @Override
    public void close() {
        closed = true;
        connections.values().forEach(OutboundConnection::close);
    }
}
