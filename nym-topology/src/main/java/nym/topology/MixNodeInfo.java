package nym.topology;

import java.util.Objects;
import nym.crypto.keys.X25519PublicKey;

/**
 * A mix node as the directory lists it. Immutable; the constructor checks every field, so a value
 * of this type is always a usable hop.
 *
 * @param host where other nodes reach it, {@code "ip:port"} (see {@link Hosts})
 * @param publicKey its Sphinx public key
 * @param layer its layer, {@code 1..}{@link Layer#COUNT}
 * @param lastSeenNanos when the directory last heard from it, Unix time in nanoseconds; 0 before
 *     the directory has stamped it
 * @param version the software version it reports, at most 64 characters, may be empty
 */
public record MixNodeInfo(String host, X25519PublicKey publicKey, int layer, long lastSeenNanos, String version)
        implements NodeInfo {
    /**
     * @throws NullPointerException if a reference is null
     * @throws IllegalArgumentException if a field is out of range
     */
    public MixNodeInfo {
        Checks.requireHost("host", host);
        Objects.requireNonNull(publicKey, "publicKey");
        if (!Layer.isValid(layer)) {
            throw new IllegalArgumentException("layer must be 1 to " + Layer.COUNT + ", got " + layer);
        }
        Checks.requireNotNegative("lastSeen", lastSeenNanos);
        Checks.requireVersion(version);
    }

    /** @return this node as last seen at {@code nanos} (Unix nanoseconds) */
    public MixNodeInfo withLastSeenNanos(long nanos) {
        return new MixNodeInfo(host, publicKey, layer, nanos, version);
    }
}
