package nym.topology;

import java.util.List;
import java.util.Objects;
import nym.crypto.keys.X25519PublicKey;

/**
 * A store-and-forward provider as the directory lists it. Immutable; the constructor checks every
 * field and copies the client list.
 *
 * @param host where mix nodes deliver packets to it, {@code "ip:port"}
 * @param clientHost where clients reach it to register and pull messages, {@code "ip:port"}
 *     ({@code clientListener} in the JSON)
 * @param publicKey its identity: the key its clients' addresses name, and that their channel to it
 *     authenticates
 * @param registeredClients the base58 addresses (X25519 public keys) of the clients it serves
 * @param lastSeenNanos when the directory last heard from it, Unix time in nanoseconds; 0 before
 *     the directory has stamped it
 * @param version the software version it reports, at most 64 characters, may be empty
 * @param sphinxKey the key packets to it are built for ({@code sphinxKey} in the JSON); a provider
 *     replaces it from time to time, and a provider of an earlier build uses {@code publicKey}
 */
public record ProviderInfo(String host, String clientHost, X25519PublicKey publicKey,
        List<String> registeredClients, long lastSeenNanos, String version, X25519PublicKey sphinxKey)
        implements NodeInfo {
    /**
     * @throws NullPointerException if a reference or a client address is null
     * @throws IllegalArgumentException if a field is out of range or a client address is not the
     *     base58 of a 32-byte key
     */
    public ProviderInfo {
        Checks.requireHost("host", host);
        Checks.requireHost("clientListener", clientHost);
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(sphinxKey, "sphinxKey");
        registeredClients = List.copyOf(registeredClients);
        registeredClients.forEach(Checks::requireClientAddress);
        Checks.requireNotNegative("lastSeen", lastSeenNanos);
        Checks.requireVersion(version);
    }

    /** A provider whose Sphinx key is its identity key (as every provider's was before they rotated it). */
    public ProviderInfo(String host, String clientHost, X25519PublicKey publicKey, List<String> registeredClients,
            long lastSeenNanos, String version) {
        this(host, clientHost, publicKey, registeredClients, lastSeenNanos, version, publicKey);
    }

    /** @return this provider as last seen at {@code nanos} (Unix nanoseconds) */
    public ProviderInfo withLastSeenNanos(long nanos) {
        return new ProviderInfo(host, clientHost, publicKey, registeredClients, nanos, version, sphinxKey);
    }
}
