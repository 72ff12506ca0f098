package nym.topology.directory;

import java.time.Duration;
import java.util.Objects;

/**
 * The directory's limits. Immutable; every value is checked on construction.
 *
 * @param ttl how long a node or a metrics report stays listed after it was last received; positive
 * @param maxNodes how many nodes (mix nodes and providers together) and, separately, how many
 *     metrics reports the directory holds at most; beyond it, new ones are refused; positive
 * @param maxBodyBytes the largest request body accepted, in bytes; larger ones are refused
 *     without being read; positive
 */
public record DirectoryConfig(Duration ttl, int maxNodes, int maxBodyBytes) {
    /** The TTL of the issue: a node not seen for 10 seconds drops out. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);
    /** The default cap on listed nodes. */
    public static final int DEFAULT_MAX_NODES = 10_000;
    /** The default cap on a request body: 64 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    /**
     * @throws NullPointerException if {@code ttl} is null
     * @throws IllegalArgumentException if a value is not positive
     */
    public DirectoryConfig {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, got " + ttl);
        }
        if (maxNodes <= 0 || maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxNodes and maxBodyBytes must be positive, got "
                    + maxNodes + " and " + maxBodyBytes);
        }
    }

    /** @return 10 s TTL, 10,000 nodes, 64 KiB bodies */
    public static DirectoryConfig defaults() {
        return new DirectoryConfig(DEFAULT_TTL, DEFAULT_MAX_NODES, DEFAULT_MAX_BODY_BYTES);
    }

    /** @return this config with another TTL */
    public DirectoryConfig withTtl(Duration newTtl) {
        return new DirectoryConfig(newTtl, maxNodes, maxBodyBytes);
    }

    /** @return this config with another node cap */
    public DirectoryConfig withMaxNodes(int newMaxNodes) {
        return new DirectoryConfig(ttl, newMaxNodes, maxBodyBytes);
    }

    /** @return this config with another body cap */
    public DirectoryConfig withMaxBodyBytes(int newMaxBodyBytes) {
        return new DirectoryConfig(ttl, maxNodes, newMaxBodyBytes);
    }
}
