package nym.traffic.mixnode;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

import nym.sphinx.SphinxGeometry;
import nym.traffic.transport.PacketSender;

/**
 * How a mix node runs.
 *
 * @param listen where to accept packets (port 0 picks one)
 * @param geometry the packet geometry of the network
 * @param workerThreads threads that unwrap packets; the number of cores by default
 * @param processingQueueCapacity packets waiting to be unwrapped before new ones are dropped
 * @param maxHeldPackets packets held for their delay before new ones are dropped
 * @param sender the outbound connections' settings
 * @param maxDelay the longest hold a packet may ask for; longer ones are dropped as bad packets, so
 *     nobody can fill the held-packet bound with packets that never leave
 * @param nextHops where the node may forward; packets for any other address are dropped
 */
public record MixNodeConfig(InetSocketAddress listen, SphinxGeometry geometry, int workerThreads,
        int processingQueueCapacity, int maxHeldPackets, PacketSender.Config sender, Duration maxDelay,
        NextHops nextHops) {
    /** Checks the values. */
    public MixNodeConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(nextHops, "nextHops");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (workerThreads < 1 || processingQueueCapacity < 1 || maxHeldPackets < 1) {
            throw new IllegalArgumentException("threads and capacities must be positive");
        }
    }

    /** The longest hold a packet may ask for by default: far above any sender's exponential delays. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(10);

    /**
     * @return defaults for {@code listen}: all cores, 50,000 queued, 500,000 held, delays up to 10 min,
     *     forwarding to {@link NextHops#ANY any address} (a node of a network sets {@link #withNextHops})
     */
    public static MixNodeConfig defaults(InetSocketAddress listen) {
        return new MixNodeConfig(listen, SphinxGeometry.DEFAULT, Runtime.getRuntime().availableProcessors(),
                50_000, 500_000, PacketSender.Config.DEFAULT, DEFAULT_MAX_DELAY, NextHops.ANY);
    }

    /** @return this config forwarding only where {@code allowed} says */
    public MixNodeConfig withNextHops(NextHops allowed) {
        return new MixNodeConfig(listen, geometry, workerThreads, processingQueueCapacity, maxHeldPackets, sender,
                maxDelay, allowed);
    }
}
