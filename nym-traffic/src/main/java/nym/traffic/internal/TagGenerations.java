package nym.traffic.internal;

import nym.sphinx.SphinxException;

/**
 * Replay tags in two fixed-size generations: new tags go into the current one; when it holds
 * {@code tagsPerGeneration} tags, the previous generation is forgotten and the current one becomes
 * the previous. So at least the last {@code tagsPerGeneration} tags are remembered, and at most
 * twice that. A tag is kept as its first 128 bits. Not thread-safe; the replay filters lock.
 */
public final class TagGenerations {
    private final int tagsPerGeneration;
    private TagTable current;
    private TagTable previous;

    /** @param tagsPerGeneration at least 1 */
    public TagGenerations(int tagsPerGeneration) {
        if (tagsPerGeneration < 1) {
            throw new IllegalArgumentException("tagsPerGeneration must be positive");
        }
        this.tagsPerGeneration = tagsPerGeneration;
        this.current = new TagTable(tagsPerGeneration);
        this.previous = new TagTable(tagsPerGeneration);
    }

    /**
     * Adds a tag's first 128 bits, unless either generation holds them.
     *
     * @return true if a new generation was started (the oldest forgotten) before the tag was added
     * @throws SphinxException with {@link SphinxException.Reason#REPLAY} if the tag is held
     */
    public boolean addFirstUse(long high, long low) throws SphinxException {
        if (contains(high, low)) {
            throw new SphinxException(SphinxException.Reason.REPLAY, "packet replayed");
        }
        return add(high, low);
    }

    /** @return whether either generation holds the tag */
    public boolean contains(long high, long low) {
        return current.contains(high, low) || previous.contains(high, low);
    }

    /**
     * Adds a tag that {@link #contains} does not hold.
     *
     * @return true if a new generation was started (the oldest forgotten) before the tag was added
     */
    public boolean add(long high, long low) {
        boolean rotated = current.size() >= tagsPerGeneration;
        if (rotated) {
            TagTable recycled = previous;
            recycled.clear();
            previous = current;
            current = recycled;
        }
        current.add(high, low);
        return rotated;
    }

    /** Hands every tag of the current generation (or else of the previous one) to {@code consumer}. */
    public void forEach(boolean currentGeneration, TagTable.TagConsumer consumer) {
        (currentGeneration ? current : previous).forEach(consumer);
    }

    /**
     * @return twice the generation's size: nothing is forgotten until a tag beyond this many is
     *     added (the first new generation only takes the place of an empty one)
     */
    public long capacity() {
        return 2L * tagsPerGeneration;
    }

    /** @return tags remembered */
    public long size() {
        return (long) current.size() + previous.size();
    }
}
