package nym.topology.directory;

import java.util.Map;
import java.util.Objects;
import nym.crypto.keys.X25519PublicKey;
import nym.topology.Hosts;

/**
 * What a mix node tells the directory about its traffic since its previous report. Immutable; the
 * map is an unmodifiable copy.
 *
 * @param publicKey the reporting node's key, which identifies it
 * @param received packets received
 * @param sent packets sent, by next hop {@code "ip:port"}
 */
public record MixMetricsReport(X25519PublicKey publicKey, long received, Map<String, Long> sent) {
    /**
     * @throws NullPointerException if a reference, key or count is null
     * @throws IllegalArgumentException if a count is negative or a key of {@code sent} is not
     *     {@code "ip:port"}
     */
    public MixMetricsReport {
        Objects.requireNonNull(publicKey, "publicKey");
        if (received < 0) {
            throw new IllegalArgumentException("received must not be negative, got " + received);
        }
        sent = Map.copyOf(sent);
        sent.forEach((host, count) -> {
            if (!Hosts.isIpPort(host) || count < 0) {
                throw new IllegalArgumentException("sent must map \"ip:port\" to a count of at least 0");
            }
        });
    }
}
