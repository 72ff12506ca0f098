package nym.traffic.mixnode;

import java.nio.ByteBuffer;

import nym.sphinx.ReplayTag;
import nym.sphinx.SphinxException;
import nym.traffic.internal.TagGenerations;

/**
 * A replay filter in two fixed-size generations. New tags go into the current generation; when it
 * holds {@code tagsPerGeneration} tags, the previous generation is forgotten and the current one
 * becomes the previous. So the filter always remembers at least the last {@code tagsPerGeneration}
 * tags and at most twice that, in {@code 2 × 2 × tagsPerGeneration × 16} bytes of tables.
 *
 * <p>Each tag is kept as its first 16 bytes (128 bits of SHA-256): two different packets collide
 * with probability 2⁻¹²⁸. Thread-safe (one lock; a lookup is a few memory reads).
 */
public final class InMemoryReplayFilter implements ReplayFilter {
    /** Remembers at least the last 1,048,576 packets, in 64 MiB. */
    public static final int DEFAULT_TAGS_PER_GENERATION = 1 << 20;

    private final TagGenerations tags;

    /** @param tagsPerGeneration the guaranteed memory, in tags; at least 1 */
    public InMemoryReplayFilter(int tagsPerGeneration) {
        this.tags = new TagGenerations(tagsPerGeneration);
    }

    /** A filter of {@link #DEFAULT_TAGS_PER_GENERATION}. */
    public InMemoryReplayFilter() {
        this(DEFAULT_TAGS_PER_GENERATION);
    }

    @Override
    public synchronized void recordFirstUse(ReplayTag tag) throws SphinxException {
        ByteBuffer bytes = ByteBuffer.wrap(tag.toByteArray());
        tags.addFirstUse(bytes.getLong(0), bytes.getLong(8));
    }

    @Override
    public synchronized long size() {
        return tags.size();
    }

    @Override
    public long capacity() {
        return tags.capacity();
    }
}
