package nym.traffic.mixnode;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The counters of a mix node: packets received, forwarded (handed to the next hop's connection) per
 * next hop, and dropped per {@link DropReason}. Thread-safe; reads are snapshots.
 */
public final class MixNodeMetrics {
    private volatile LongSupplier received = () -> 0;
    private volatile LongSupplier intakeQueueFull = () -> 0;
    private final Map<String, LongAdder> forwardedTo = new ConcurrentHashMap<>();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);
    private final AtomicLong held = new AtomicLong();

    MixNodeMetrics() {
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new LongAdder());
        }
    }

    /** Counts what the node's intake read and dropped, from its own counters. */
    void countIntake(LongSupplier receivedPackets, LongSupplier droppedQueueFull) {
        this.received = receivedPackets;
        this.intakeQueueFull = droppedQueueFull;
    }

    void recordForwarded(String nextHost) {
        forwardedTo.computeIfAbsent(nextHost, host -> new LongAdder()).increment();
    }

    void recordDropped(DropReason reason) {
        dropped.get(reason).increment();
    }

    AtomicLong heldCounter() {
        return held;
    }

    /** @return packets read from the network */
    public long received() {
        return received.getAsLong();
    }

    /** @return packets handed to a next hop, in total */
    public long forwarded() {
        return forwardedTo.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** @return packets handed to each next hop ("ip:port"), sorted by host */
    public Map<String, Long> forwardedByHost() {
        Map<String, Long> out = new TreeMap<>();
        forwardedTo.forEach((host, count) -> out.put(host, count.sum()));
        return out;
    }

    /** @return packets dropped for {@code reason} */
    public long dropped(DropReason reason) {
        return dropped.get(reason).sum() + (reason == DropReason.QUEUE_FULL ? intakeQueueFull.getAsLong() : 0);
    }

    /** @return packets dropped, by reason */
    public Map<DropReason, Long> droppedByReason() {
        Map<DropReason, Long> out = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            out.put(reason, dropped(reason));
        }
        return out;
    }

    /** @return packets being held for their delay now */
    public long held() {
        return held.get();
    }

    @Override
    public String toString() {
        return "received=" + received() + " forwarded=" + forwarded() + " held=" + held() + " dropped="
                + droppedByReason();
    }
}
