package nym.sphinx.fragment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The linked sets of one message: found by following links from any complete set back to the
 * first set and then forward to the last, checking that each pair of neighbours names each other.
 * Package-private helper of {@link MessageReassembler}, called under its lock.
 */
final class SetChain {
    private SetChain() {
    }

    /**
     * @param sets the pending sets by id
     * @param completed a complete set
     * @param drop called for each set involved when the links contradict each other
     * @return the whole chain in message order, or an empty list while a set of it is missing or incomplete
     * @throws FragmentException with {@code INCONSISTENT} if two neighbours do not name each other,
     *     or the links form a cycle
     */
    static List<PendingSet> find(Map<Integer, PendingSet> sets, PendingSet completed, Consumer<PendingSet> drop)
            throws FragmentException {
        List<PendingSet> back = walk(sets, completed, true, drop);
        return back.isEmpty() ? back : walk(sets, back.getLast(), false, drop);
    }

    /**
     * Follows links from {@code start} backwards or forwards to the end of the chain.
     *
     * @return the sets passed, {@code start} first; empty if one is missing or incomplete
     */
    private static List<PendingSet> walk(Map<Integer, PendingSet> sets, PendingSet start, boolean backwards,
            Consumer<PendingSet> drop) throws FragmentException {
        List<PendingSet> path = new ArrayList<>(List.of(start));
        for (PendingSet at = start; link(at, backwards) != FragmentHeader.NO_LINK; ) {
            PendingSet neighbour = sets.get(link(at, backwards));
            if (neighbour == null || !neighbour.isComplete()) {
                return List.of();
            }
            path.add(neighbour);
            if (link(neighbour, !backwards) != at.setId() || path.size() > sets.size()) {
                throw inconsistent(path, drop, at.setId(), neighbour.setId());
            }
            at = neighbour;
        }
        return path;
    }

    private static int link(PendingSet set, boolean previous) {
        return previous ? set.previousSetId() : set.nextSetId();
    }

    /** @return the data of the complete sets of {@code chain}, in order, in one new array */
    static byte[] concatenate(List<PendingSet> chain) {
        long length = 0;
        for (PendingSet set : chain) {
            length += set.dataLength();
        }
        byte[] message = new byte[Math.toIntExact(length)];
        int at = 0;
        for (PendingSet set : chain) {
            at = set.copyDataTo(message, at);
        }
        return message;
    }

    /** @return the handles of the complete, detached sets of {@code chain}, in message order */
    static long[] handles(List<PendingSet> chain) {
        int count = 0;
        for (PendingSet set : chain) {
            count += set.size();
        }
        long[] handles = new long[count];
        int at = 0;
        for (PendingSet set : chain) {
            at = set.copyHandlesTo(handles, at);
        }
        return handles;
    }

    private static FragmentException inconsistent(List<PendingSet> involved, Consumer<PendingSet> drop,
            int from, int to) {
        involved.forEach(drop);
        return new FragmentException(FragmentException.Reason.INCONSISTENT,
                "sets " + from + " and " + to + " do not link to each other both ways");
    }
}
