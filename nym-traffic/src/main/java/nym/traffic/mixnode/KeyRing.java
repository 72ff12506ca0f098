package nym.traffic.mixnode;

import java.time.Instant;
import java.util.Objects;

/**
 * The keys a mix node accepts packets for: the current one, which the directory lists, and the one
 * before it while its grace period lasts (packets built from a topology read before the change,
 * and packets held at earlier hops, still arrive for it).
 *
 * @param current the key the node announces
 * @param previous the key before it, or null
 * @param previousRetiresAt when {@code previous} stops being accepted; null exactly when it is null
 */
public record KeyRing(SphinxKey current, SphinxKey previous, Instant previousRetiresAt) {
    public KeyRing {
        Objects.requireNonNull(current, "current");
        if ((previous == null) != (previousRetiresAt == null)) {
            throw new IllegalArgumentException("a previous key needs a retirement time, and only it");
        }
    }

    /** @return a ring of {@code current} alone */
    public static KeyRing of(SphinxKey current) {
        return new KeyRing(current, null, null);
    }
}
