package nym.provider;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The counters of a provider. {@code stored} counts a message only after the inbox store made it
 * durable. Thread-safe.
 */
public final class ProviderMetrics {
    private volatile LongSupplier received = () -> 0;
    private volatile LongSupplier intakeQueueFull = () -> 0;
    final LongAdder stored = new LongAdder();
    final LongAdder droppedUnknownClient = new LongAdder();
    final LongAdder droppedBadPacket = new LongAdder();
    final LongAdder droppedReplay = new LongAdder();
    final LongAdder droppedKeyFull = new LongAdder();
    final LongAdder droppedStorageFailed = new LongAdder();
    final LongAdder droppedInboxFull = new LongAdder();
    final LongAdder pulled = new LongAdder();
    final LongAdder acknowledged = new LongAdder();
    final LongAdder rejectedRequests = new LongAdder();

    ProviderMetrics() {}

    /** Counts what the provider's intake read and dropped, from its own counters. */
    void countIntake(LongSupplier receivedPackets, LongSupplier droppedQueueFull) {
        this.received = receivedPackets;
        this.intakeQueueFull = droppedQueueFull;
    }

    /** @return packets read from mix nodes */
    public long received() {
        return received.getAsLong();
    }

    /** @return messages stored durably */
    public long stored() {
        return stored.sum();
    }

    /** @return packets for clients not registered here */
    public long droppedUnknownClient() {
        return droppedUnknownClient.sum();
    }

    /** @return packets that failed Sphinx processing or were not final hops */
    public long droppedBadPacket() {
        return droppedBadPacket.sum();
    }

    /** @return replayed packets */
    public long droppedReplay() {
        return droppedReplay.sum();
    }

    /**
     * @return packets dropped because the replay filter of their Sphinx key was full (the key could
     *     not be replaced in time)
     */
    public long droppedKeyFull() {
        return droppedKeyFull.sum();
    }

    /** @return packets dropped because the processing queue was full */
    public long droppedQueueFull() {
        return intakeQueueFull.getAsLong();
    }

    /** @return packets lost because the store failed */
    public long droppedStorageFailed() {
        return droppedStorageFailed.sum();
    }

    /** @return packets dropped because their recipient's inbox was full */
    public long droppedInboxFull() {
        return droppedInboxFull.sum();
    }

    /** @return messages handed to their owners by pulls */
    public long pulled() {
        return pulled.sum();
    }

    /** @return messages deleted after their owners acknowledged them */
    public long acknowledged() {
        return acknowledged.sum();
    }

    /** @return client requests refused (malformed, unknown client, bad token) */
    public long rejectedRequests() {
        return rejectedRequests.sum();
    }

    @Override
    public String toString() {
        return "received=" + received() + " stored=" + stored() + " pulled=" + pulled() + " acknowledged="
                + acknowledged() + " droppedUnknownClient=" + droppedUnknownClient() + " droppedBadPacket="
                + droppedBadPacket() + " droppedReplay=" + droppedReplay() + " droppedQueueFull=" + droppedQueueFull()
                + " droppedStorageFailed=" + droppedStorageFailed() + " droppedInboxFull=" + droppedInboxFull()
                + " droppedKeyFull=" + droppedKeyFull() + " rejectedRequests=" + rejectedRequests();
    }
}
