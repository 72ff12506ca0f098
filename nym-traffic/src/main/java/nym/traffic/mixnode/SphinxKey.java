package nym.traffic.mixnode;

import java.time.Instant;
import java.util.Objects;

import nym.crypto.keys.X25519PrivateKey;

/**
 * A key a node unwraps packets with, the replay tags of the packets it unwrapped with it, and when
 * the key was made (its age counts towards {@link KeyRotation#maxAge()}).
 *
 * @param key the node's X25519 private key
 * @param tags the tags of the packets unwrapped with this key and no other
 * @param madeAt when the key was made; {@link #REPLACE_AT_ONCE} for a key to be replaced at the first check
 */
public record SphinxKey(X25519PrivateKey key, ReplayFilter tags, Instant madeAt) {
    /**
     * The {@code madeAt} of a key whose tags may be incomplete (a store that lost some, a build that
     * forgot the older ones): older than any maximum age, it is replaced at once.
     */
    public static final Instant REPLACE_AT_ONCE = Instant.EPOCH;

    public SphinxKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(madeAt, "madeAt");
    }

    /** @return whether this key is to be replaced at the first check ({@link #REPLACE_AT_ONCE}) */
    public boolean replaceAtOnce() {
        return madeAt.equals(REPLACE_AT_ONCE);
    }
}
