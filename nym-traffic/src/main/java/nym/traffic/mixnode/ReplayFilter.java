package nym.traffic.mixnode;

import nym.sphinx.ReplayTag;
import nym.sphinx.SphinxException;

/**
 * What a node remembers of the packets it processed, to drop replays. Implementations are
 * thread-safe and bounded in memory; each documents how many tags it is guaranteed to remember.
 */
public interface ReplayFilter {
    /**
     * Records {@code tag}.
     *
     * @throws SphinxException with {@link SphinxException.Reason#REPLAY} if it was recorded before
     *     (within the filter's memory)
     */
    void recordFirstUse(ReplayTag tag) throws SphinxException;

    /**
     * Hands the tags recorded so far to wherever the filter keeps them beyond the process, so that
     * they survive its end even by SIGKILL. A node calls it before it lets a packet go on. Nothing to
     * do for a filter that lives in memory only.
     */
    default void persist() {}

    /** @return tags remembered now */
    long size();

    /**
     * @return how many tags the filter holds without forgetting any: while {@link #size()} is below
     *     it, every tag recorded is remembered (a node that rotates its key stops recording into a
     *     filter that holds this many)
     */
    long capacity();
}
