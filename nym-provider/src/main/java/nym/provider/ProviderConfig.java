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
 * @param maxMessagesPerInbox messages one client's inbox holds; more are dropped and counted, so
 *     nobody can fill the disk by sending to a public address
 * @param maxClients clients the provider registers; more are refused
 */
public record ProviderConfig(InetSocketAddress mixListen, InetSocketAddress clientListen, SphinxGeometry geometry,
        int workerThreads, int queueCapacity, int maxMessagesPerInbox, int maxClients) {
    /** Checks the values. */
    public ProviderConfig {
        Objects.requireNonNull(mixListen, "mixListen");
        Objects.requireNonNull(clientListen, "clientListen");
        Objects.requireNonNull(geometry, "geometry");
        if (workerThreads < 1 || queueCapacity < 1 || maxMessagesPerInbox < 1 || maxClients < 1) {
            throw new IllegalArgumentException("threads and capacity must be positive");
        }
    }

    /** Messages one inbox holds by default: about 10 MiB of payloads. */
    public static final int DEFAULT_MAX_MESSAGES_PER_INBOX = 10_000;
    /** Clients registered by default: within the directory's 64 KiB presence report. */
    public static final int DEFAULT_MAX_CLIENTS = 1_000;

    /** @return defaults for these addresses: all cores, 50,000 queued packets */
    public static ProviderConfig defaults(InetSocketAddress mixListen, InetSocketAddress clientListen) {
        return new ProviderConfig(mixListen, clientListen, SphinxGeometry.DEFAULT,
                Runtime.getRuntime().availableProcessors(), 50_000,
                DEFAULT_MAX_MESSAGES_PER_INBOX, DEFAULT_MAX_CLIENTS);
    }
}
