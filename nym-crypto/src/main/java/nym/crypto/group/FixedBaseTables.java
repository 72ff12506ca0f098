package nym.crypto.group;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import nym.crypto.internal.EdwardsFixedBase;

/**
 * The fixed-base tables of recently used public keys: a least-recently-used cache of
 * {@value #CAPACITY} points, thread-safe. A point without a table (on the twist, or u ∈ {0, −1}) is
 * cached as such, and its multiplications take the ladder. Building a table takes longer than a few
 * ladders, so only long-lived keys belong here, never a packet's α.
 */
final class FixedBaseTables {
    /** Points kept; a table is about 60 KB. */
    static final int CAPACITY = 256;

    private static final Map<GroupElement, Optional<EdwardsFixedBase.Table>> TABLES =
            new LinkedHashMap<>(CAPACITY * 4 / 3 + 1, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<GroupElement, Optional<EdwardsFixedBase.Table>> e) {
                    return size() > CAPACITY;
                }
            };

    private FixedBaseTables() {}

    /** @return the table of {@code point}, built on first use; empty if the point has none */
    static Optional<EdwardsFixedBase.Table> of(GroupElement point) {
        Optional<EdwardsFixedBase.Table> table;
        synchronized (TABLES) {
            table = TABLES.get(point);
        }
        if (table != null) {
            return table;
        }
        // Built outside the lock; two threads may both build the same table, which is harmless.
        table = Optional.ofNullable(EdwardsFixedBase.precompute(point.toByteArray()));
        synchronized (TABLES) {
            TABLES.putIfAbsent(point, table);
        }
        return table;
    }

    /** @return how many points are cached, for tests */
    static int size() {
        synchronized (TABLES) {
            return TABLES.size();
        }
    }
}
