package nym.traffic.mixnode;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
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
 * <p>Thread-safe. {@link #close()} stops the reads.
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
    private volatile boolean lastReadFailed;

    private TopologyNextHops(int layer, Source source, Duration minGap) {
        this.layer = layer;
        this.source = source;
        this.minGapNanos = minGap.toNanos();
    }

    /**
     * Reads the topology once (a failure is logged and leaves no hop known), then keeps reading it.
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
        hops.read();
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
            reader.schedule(this::read, wait, TimeUnit.NANOSECONDS);
        }
        return false;
    }

    /** @return how many next hops are known now */
    public int knownHops() {
        return allowed.size();
    }

    private void read() {
        readQueued.set(false);
        lastReadNanos = System.nanoTime();
        try {
            allowed = nextHopsOf(source.read(), layer);
            if (lastReadFailed) {
                LOG.log(Level.INFO, "topology read again: " + allowed.size() + " next hops known");
            }
            lastReadFailed = false;
        } catch (Exception e) {
            if (!lastReadFailed) {
                LOG.log(Level.WARNING, "cannot read the topology (" + e.getMessage() + "); forwarding to the "
                        + allowed.size() + " next hops known until it can be read");
            }
            lastReadFailed = true;
        }
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
