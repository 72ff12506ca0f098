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
        List<PendingSet> visited = new ArrayList<>();
        visited.add(completed);
        PendingSet head = completed;
        while (head.previousSetId() != FragmentHeader.NO_LINK) {
            PendingSet previous = sets.get(head.previousSetId());
            if (previous == null || !previous.isComplete()) {
                return List.of();
            }
            visited.add(previous);
            if (previous.nextSetId() != head.setId() || visited.size() > sets.size()) {
                throw inconsistent(visited, drop, previous.setId(), head.setId());
            }
            head = previous;
        }
        List<PendingSet> chain = new ArrayList<>();
        chain.add(head);
        for (PendingSet tail = head; tail.nextSetId() != FragmentHeader.NO_LINK; ) {
            PendingSet next = sets.get(tail.nextSetId());
            if (next == null || !next.isComplete()) {
                return List.of();
            }
            chain.add(next);
            if (next.previousSetId() != tail.setId() || chain.size() > sets.size()) {
                throw inconsistent(chain, drop, tail.setId(), next.setId());
            }
            tail = next;
        }
        return chain;
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

    private static FragmentException inconsistent(List<PendingSet> involved, Consumer<PendingSet> drop, int from, int to) {
        involved.forEach(drop);
        return new FragmentException(FragmentException.Reason.INCONSISTENT,
                "sets " + from + " and " + to + " do not link to each other both ways");
    }
}
