package nym.traffic.mixnode;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import nym.topology.Layer;
import nym.topology.NodeInfo;
import nym.topology.Topology;
import nym.traffic.transport.NodeAddresses;
import nym.traffic.transport.TransportException;

/**
 * The next hops the network's topology gives a mix of one layer: the mixes of the next layer, or the
 * providers after the last layer. The topology is read at start, every {@code refreshInterval}, and
 * again when a packet names a hop not known yet (at most once per {@code minGap}), so a node that
 * joined since the last read is known one directory round trip later.
 *
 * <p>Every read, the first too, runs on this object's own thread: {@link #start} returns at once, so
 * a directory that is down or slow does not hold up the node's listener. Until the first read
 * answers, no hop is known; a packet for one waits for a read ({@code MixNode.UNKNOWN_HOP_WAIT}): the
 * first, or, once that has begun, at most one more per {@code minGap}.
 *
 * <p>Thread-safe. {@link #close()} stops the reads, also one in flight.
 */
public final class TopologyNextHops implements NextHops, AutoCloseable {
    /** Reads the network's current topology (from the directory). */
    @FunctionalInterface
    public interface Source {
        Topology read() throws Exception;
    }

    private static final System.Logger LOG = System.getLogger(TopologyNextHops.class.getName());

    private final int layer;
    private final Source source;
    private final long minGapNanos;
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("next-hops").factory());
    private final AtomicBoolean readQueued = new AtomicBoolean();
    private volatile long lastReadNanos;
    private volatile Set<InetSocketAddress> allowed = Set.of();
    private volatile boolean readOnce;
    private volatile boolean lastReadFailed;

    private TopologyNextHops(int layer, Source source, Duration minGap) {
        this.layer = layer;
        this.source = source;
        this.minGapNanos = minGap.toNanos();
    }

    /**
     * Starts reading the topology, now and then every {@code refreshInterval}, and returns without
     * waiting for the first read (a failure is logged and leaves no hop known).
     *
     * @param layer this node's layer, 1 to {@link Layer#COUNT}
     * @throws IllegalArgumentException for a layer outside 1 to {@link Layer#COUNT}
     */
    public static TopologyNextHops start(int layer, Source source, Duration refreshInterval, Duration minGap) {
        if (!Layer.isValid(layer)) {
            throw new IllegalArgumentException("layer must be 1 to " + Layer.COUNT + ", got " + layer);
        }
        TopologyNextHops hops = new TopologyNextHops(layer, Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(minGap, "minGap"));
        // Counts as the read a miss would queue: a packet that comes before it answers waits for it.
        hops.readQueued.set(true);
        hops.reader.execute(hops::read);
        long every = refreshInterval.toNanos();
        hops.reader.scheduleWithFixedDelay(hops::read, every, every, TimeUnit.NANOSECONDS);
        return hops;
    }

    @Override
    public boolean allows(InetSocketAddress next) {
        if (allowed.contains(next)) {
            return true;
        }
        if (readQueued.compareAndSet(false, true)) {
            long wait = Math.max(0, lastReadNanos + minGapNanos - System.nanoTime());
            try {
                reader.schedule(this::read, wait, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // Closed: a packet still in a worker while the node stops is unknown, not an error.
            }
        }
        return false;
    }

    /** @return how many next hops are known now */
    public int knownHops() {
        return allowed.size();
    }

    private void read() {
        // The time first: a miss that sees no read queued computes its gap from this read.
        lastReadNanos = System.nanoTime();
        readQueued.set(false);
        try {
            allowed = nextHopsOf(source.read(), layer);
        } catch (Exception e) {
            if (!lastReadFailed && !reader.isShutdown()) { // a read that close() interrupted is no failure
                LOG.log(Level.WARNING, "cannot read the topology (" + e.getMessage() + "); "
                        + (readOnce ? "forwarding to the " + allowed.size() + " next hops known" : "no next hop known yet,"
                        + " packets are dropped as UNKNOWN_NEXT_HOP") + " until it can be read");
            }
            lastReadFailed = true;
            return;
        }
        if (!readOnce || lastReadFailed) {
            // The node's start no longer waits for this read: say when forwarding can begin.
            LOG.log(Level.INFO, "topology read" + (readOnce ? " again" : "") + ": " + allowed.size() + " next hops known");
        }
        readOnce = true;
        lastReadFailed = false;
    }

    /** @return the addresses a mix of {@code layer} forwards to in {@code topology} */
    static Set<InetSocketAddress> nextHopsOf(Topology topology, int layer) {
        List<? extends NodeInfo> next = layer < Layer.COUNT ? topology.mixNodesInLayer(layer + 1) : topology.providers();
        Set<InetSocketAddress> hosts = new HashSet<>();
        for (NodeInfo node : next) {
            try {
                hosts.add(NodeAddresses.parseHost(node.host()));
            } catch (TransportException e) {
                LOG.log(Level.DEBUG, "skipping a node whose address is not ip:port: " + node.host());
            }
        }
        return Set.copyOf(hosts);
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
