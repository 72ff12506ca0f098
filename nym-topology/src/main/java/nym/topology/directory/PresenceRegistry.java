package nym.topology.directory;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.LongFunction;
import nym.crypto.keys.X25519PublicKey;
import nym.topology.MixNodeInfo;
import nym.topology.ProviderInfo;
import nym.topology.Topology;
import nym.topology.TopologyException;

/**
 * The directory's memory: the nodes that announced themselves recently and the latest metrics
 * report of each mix node, keyed by public key.
 *
 * <p>Guarantees: thread-safe (one lock; every method is atomic); a node or report received more
 * than {@link DirectoryConfig#ttl()} ago, by the injected clock, is never returned and is purged
 * lazily (on reads, when full, and at least once per TTL on writes); at most
 * {@link DirectoryConfig#maxNodes()} nodes and as many reports are held, so memory stays bounded.
 * A node that announces itself again replaces its previous entry (same key) and is stamped anew; a
 * mix node that announces a new key at the same host (it replaced its Sphinx key) replaces the
 * entry of the old key, so that clients stop building packets for the old key at their next read.
 */
public final class PresenceRegistry {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final DirectoryConfig config;
    private final InstantSource clock;
    private final long ttlNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final ExpiringStore<MixNodeInfo> mixNodes = new ExpiringStore<>(MixNodeInfo::lastSeenNanos);
    private final ExpiringStore<ProviderInfo> providers = new ExpiringStore<>(ProviderInfo::lastSeenNanos);
    private final ExpiringStore<MixMetricsEntry> metrics = new ExpiringStore<>(MixMetricsEntry::timestampNanos);
    private long lastPurgeNanos;
    /**
     * Counts the changes to the nodes listed (an entry expiring is one, {@link #purge}), so that an
     * encoded topology knows when it is stale.
     */
    private long topologyVersion;
    private EncodedTopology encoded;

    /** A topology document and the version it shows. */
    private record EncodedTopology(long version, byte[] bytes) {}

    /**
     * @param config the TTL and caps, not null
     * @param clock the time used to stamp and expire entries, not null
     */
    public PresenceRegistry(DirectoryConfig config, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttlNanos = config.ttl().toNanos();
    }

    /** @return the limits this registry enforces */
    public DirectoryConfig config() {
        return config;
    }

    /**
     * Lists or refreshes a mix node, stamped with the current time, in place of any other key
     * listed at its host.
     *
     * @param node not null; its {@code lastSeenNanos} is replaced
     * @return the node as stored
     * @throws TopologyException with {@code FULL} if it is new and the registry holds
     *     {@code maxNodes} live nodes
     */
    public MixNodeInfo registerMixNode(MixNodeInfo node) throws TopologyException {
        Objects.requireNonNull(node, "node");
        lock.lock();
        try {
            if (mixNodes.removeIf(listed -> listed.host().equals(node.host())
                    && !listed.publicKey().equals(node.publicKey()))) {
                topologyVersion++;
            }
            return admit(mixNodes, node.publicKey(), node::withLastSeenNanos, this::nodeCount, "nodes");
        } finally {
            lock.unlock();
        }
    }

    /**
     * Lists or refreshes a provider, stamped with the current time.
     *
     * @param provider not null; its {@code lastSeenNanos} is replaced
     * @return the provider as stored
     * @throws TopologyException with {@code FULL} as {@link #registerMixNode(MixNodeInfo)}
     */
    public ProviderInfo registerProvider(ProviderInfo provider) throws TopologyException {
        Objects.requireNonNull(provider, "provider");
        return admit(providers, provider.publicKey(), provider::withLastSeenNanos, this::nodeCount, "nodes");
    }

    /**
     * Keeps {@code report} as the latest of its node, stamped with the current time.
     *
     * @param report not null
     * @return the entry as stored
     * @throws TopologyException with {@code FULL} if it is from a new node and {@code maxNodes}
     *     live reports are held
     */
    public MixMetricsEntry reportMetrics(MixMetricsReport report) throws TopologyException {
        Objects.requireNonNull(report, "report");
        return admit(metrics, report.publicKey(), now -> new MixMetricsEntry(report, now), metrics::size,
                "metrics reports");
    }

    /**
     * @return the live nodes: mix nodes ordered by layer then host, providers by host; never
     *     anything older than the TTL
     */
    public Topology topology() {
        lock.lock();
        try {
            purge(now());
            return liveTopology();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The topology as {@code encoder} writes it, encoded again only when a node was listed, refreshed
     * or dropped since, or the oldest entry has expired: a directory with thousands of registered
     * clients answers its readers without encoding every client's key for each of them.
     *
     * @param encoder turns a topology into its document; the same one on every call
     * @return a copy of the document
     */
    public byte[] encodedTopology(Function<Topology, byte[]> encoder) {
        Topology snapshot;
        long version;
        lock.lock();
        try {
            purge(now()); // an entry that expired counts as a change
            EncodedTopology last = encoded;
            if (last != null && last.version() == topologyVersion) {
                return last.bytes().clone();
            }
            snapshot = liveTopology();
            version = topologyVersion;
        } finally {
            lock.unlock();
        }
        byte[] bytes = encoder.apply(snapshot); // outside the lock: registrations go on meanwhile
        lock.lock();
        try {
            if (version == topologyVersion) {
                encoded = new EncodedTopology(version, bytes);
            }
        } finally {
            lock.unlock();
        }
        return bytes.clone();
    }

    private Topology liveTopology() {
        List<MixNodeInfo> mixes = mixNodes.values().stream()
                .sorted(Comparator.comparingInt(MixNodeInfo::layer).thenComparing(MixNodeInfo::host))
                .toList();
        List<ProviderInfo> live = providers.values().stream()
                .sorted(Comparator.comparing(ProviderInfo::host))
                .toList();
        return Topology.of(mixes, live);
    }

    /** @return the latest live report of each node, ordered by key; never anything older than the TTL */
    public List<MixMetricsEntry> metrics() {
        lock.lock();
        try {
            purge(now());
            return metrics.values().stream()
                    .sorted(Comparator.comparing(entry -> entry.report().publicKey().toBase58()))
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores the value stamped now under {@code key}; a new key is refused while {@code count} is at
     * the cap, even after purging.
     */
    private <V> V admit(ExpiringStore<V> store, X25519PublicKey key, LongFunction<V> stamped, IntSupplier count,
            String what) throws TopologyException {
        lock.lock();
        try {
            long now = now();
            String id = key.toBase58();
            if (!store.contains(id) && count.getAsInt() >= config.maxNodes()) {
                purge(now);
                if (count.getAsInt() >= config.maxNodes()) {
                    throw new TopologyException(TopologyException.Reason.FULL,
                            "directory full: it holds " + config.maxNodes() + " " + what);
                }
            }
            V value = stamped.apply(now);
            store.put(id, value);
            if (store != metrics) {
                topologyVersion++;
            }
            return value;
        } finally {
            lock.unlock();
        }
    }

    private int nodeCount() {
        return mixNodes.size() + providers.size();
    }

    /** @return the clock's time in Unix nanoseconds, purging stale entries if the last purge is a TTL old */
    private long now() {
        Instant instant = clock.instant();
        long nanos = Math.max(0, instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano());
        if (nanos - lastPurgeNanos > ttlNanos) {
            purge(nanos);
        }
        return nanos;
    }

    /** Drops every entry received more than a TTL before {@code nowNanos}. Call with the lock held. */
    private void purge(long nowNanos) {
        long oldestKept = nowNanos - ttlNanos;
        boolean dropped = mixNodes.purge(oldestKept);
        dropped |= providers.purge(oldestKept);
        if (dropped) {
            topologyVersion++;
        }
        metrics.purge(oldestKept);
        lastPurgeNanos = nowNanos;
    }
}
