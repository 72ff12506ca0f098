package nym.provider;

import java.net.InetSocketAddress;
import java.util.Objects;

import nym.sphinx.SphinxGeometry;

/**
 * How a provider runs.
 *
 * @param mixListen where mix nodes deliver packets (port 0 picks one)
 * @param clientListen where clients register and pull (port 0 picks one)
 * @param geometry the packet geometry of the network
 * @param workerThreads threads that unwrap and store packets
 * @param queueCapacity packets waiting to be unwrapped before new ones are dropped
 */
public record ProviderConfig(InetSocketAddress mixListen, InetSocketAddress clientListen, SphinxGeometry geometry,
        int workerThreads, int queueCapacity) {
    /** Checks the values. */
    public ProviderConfig {
        Objects.requireNonNull(mixListen, "mixListen");
        Objects.requireNonNull(clientListen, "clientListen");
        Objects.requireNonNull(geometry, "geometry");
        if (workerThreads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("threads and capacity must be positive");
        }
    }

    /** @return defaults for these addresses: all cores, 50,000 queued packets */
    public static ProviderConfig defaults(InetSocketAddress mixListen, InetSocketAddress clientListen) {
        return new ProviderConfig(mixListen, clientListen, SphinxGeometry.DEFAULT,
                Runtime.getRuntime().availableProcessors(), 50_000);
    }
}
