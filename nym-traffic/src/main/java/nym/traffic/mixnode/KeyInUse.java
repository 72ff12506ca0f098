package nym.traffic.mixnode;

import nym.sphinx.PacketProcessor;
import nym.sphinx.ReplayTag;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;

/** A key of the node's ring with its processor; records tags only while the key is accepted. */
final class KeyInUse {
    /** What {@link #record} did with a tag. */
    enum Recorded { FIRST_USE, REPLAY, FULL, RETIRED }

    private final SphinxKey key;
    private final PacketProcessor processor;
    private final boolean bounded;
    private final long capacity;
    /**
     * The filter's size while bounded (it never forgets then, so every first use adds one), kept here
     * so that the checks made for every packet take no lock of the filter's.
     */
    private volatile long held;
    private boolean retired;

    /** @param bounded whether to refuse tags beyond the filter's capacity instead of forgetting old ones */
    KeyInUse(SphinxKey key, SphinxGeometry geometry, boolean bounded) {
        this.key = key;
        this.processor = PacketProcessor.forKey(key.key(), geometry);
        this.bounded = bounded;
        this.capacity = key.tags().capacity();
        this.held = key.tags().size();
    }

    SphinxKey key() {
        return key;
    }

    PacketProcessor processor() {
        return processor;
    }

    /** Every recording of this key's tags goes through here, so the check and the add are one step. */
    synchronized Recorded record(ReplayTag tag) {
        if (retired) {
            return Recorded.RETIRED;
        }
        if (bounded && held >= capacity) {
            return Recorded.FULL;
        }
        try {
            key.tags().recordFirstUse(tag);
            held++; // under this lock, the only writer
            return Recorded.FIRST_USE;
        } catch (SphinxException e) {
            return Recorded.REPLAY;
        }
    }

    /** Hands the tags recorded so far to the filter's storage ({@link ReplayFilter#persist()}). */
    void persist() {
        key.tags().persist();
    }

    synchronized void retire() {
        retired = true;
    }

    long tags() {
        return bounded ? held : key.tags().size();
    }

    boolean full() {
        return tags() >= capacity;
    }
}
