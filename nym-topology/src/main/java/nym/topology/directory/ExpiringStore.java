package nym.topology.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Values by key, each with a time stamp, from which stale values are purged. Not thread-safe: the
 * {@link PresenceRegistry} guards every store with its lock.
 */
final class ExpiringStore<V> {
    private final Map<String, V> entries = new HashMap<>();
    private final ToLongFunction<V> stampNanos;

    ExpiringStore(ToLongFunction<V> stampNanos) {
        this.stampNanos = stampNanos;
    }

    boolean contains(String key) {
        return entries.containsKey(key);
    }

    void put(String key, V value) {
        entries.put(key, value);
    }

    /** Removes every value {@code doomed} accepts; @return whether it removed any */
    boolean removeIf(Predicate<V> doomed) {
        return entries.values().removeIf(doomed);
    }

    int size() {
        return entries.size();
    }

    /** Removes every value stamped before {@code oldestKeptNanos}; @return whether it removed any */
    boolean purge(long oldestKeptNanos) {
        return entries.values().removeIf(value -> stampNanos.applyAsLong(value) < oldestKeptNanos);
    }

    List<V> values() {
        return new ArrayList<>(entries.values());
    }
}
