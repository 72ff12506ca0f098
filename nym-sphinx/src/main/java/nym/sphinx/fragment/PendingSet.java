package nym.sphinx.fragment;

import java.time.Instant;

/**
 * The fragments of one set received so far, by position. Package-private helper of
 * {@link MessageReassembler}, which guards it with its lock; not thread-safe on its own.
 */
final class PendingSet {
    private final int setId;
    private final HeldFragment[] slots;
    private int received;
    private long bytes;
    private int previousSetId = FragmentHeader.NO_LINK;
    private int nextSetId = FragmentHeader.NO_LINK;
    private Instant lastArrival;

    PendingSet(int setId, int totalFragments, Instant now) {
        this.setId = setId;
        this.slots = new HeldFragment[totalFragments];
        this.lastArrival = now;
    }

    /**
     * Checks that {@code fragment} agrees with what this set holds.
     *
     * @return false if it is an exact duplicate of a fragment already here (to be ignored)
     * @throws FragmentException with {@code INCONSISTENT} if it contradicts this set
     */
    boolean isNew(Fragment fragment) throws FragmentException {
        FragmentHeader header = fragment.header();
        if (header.totalFragments() != slots.length) {
            throw new FragmentException(FragmentException.Reason.INCONSISTENT, "set " + setId + " has "
                    + slots.length + " fragments, a fragment says " + header.totalFragments());
        }
        HeldFragment present = slots[header.currentFragment() - 1];
        if (present == null) {
            return true;
        }
        if (present.sameAs(fragment)) {
            return false;
        }
        throw new FragmentException(FragmentException.Reason.INCONSISTENT,
                "set " + setId + " already holds another fragment " + header.currentFragment());
    }

    /** Stores a fragment that {@link #isNew} accepted. */
    void add(HeldFragment held, Instant now) {
        FragmentHeader header = held.header();
        slots[header.currentFragment() - 1] = held;
        received++;
        bytes += held.heldBytes();
        header.previousSetId().ifPresent(id -> previousSetId = id);
        header.nextSetId().ifPresent(id -> nextSetId = id);
        lastArrival = now;
    }

    boolean isComplete() {
        return received == slots.length;
    }

    int setId() {
        return setId;
    }

    /** @return the set before this one, or {@link FragmentHeader#NO_LINK}; final once complete */
    int previousSetId() {
        return previousSetId;
    }

    /** @return the set after this one, or {@link FragmentHeader#NO_LINK}; final once complete */
    int nextSetId() {
        return nextSetId;
    }

    /** @return bytes held, as counted against the reassembler's bound ({@link HeldFragment#heldBytes}) */
    long bytes() {
        return bytes;
    }

    /** Marks the set alive at {@code now}: a fragment of a set linked to it arrived. */
    void touch(Instant now) {
        lastArrival = now;
    }

    Instant lastArrival() {
        return lastArrival;
    }

    /** @return bytes of message data in this complete set */
    long dataLength() {
        long length = 0;
        for (HeldFragment f : slots) {
            length += f.dataLength();
        }
        return length;
    }

    /** Copies this complete set's data, in order, to {@code target} at {@code offset}; @return the new offset */
    int copyDataTo(byte[] target, int offset) {
        int at = offset;
        for (HeldFragment f : slots) {
            byte[] data = f.dataView();
            System.arraycopy(data, 0, target, at, data.length);
            at += data.length;
        }
        return at;
    }

    /** Copies this complete, detached set's handles, in order, to {@code target} at {@code offset}; @return the new offset */
    int copyHandlesTo(long[] target, int offset) {
        int at = offset;
        for (HeldFragment f : slots) {
            target[at++] = f.handle();
        }
        return at;
    }

    int size() {
        return slots.length;
    }
}
