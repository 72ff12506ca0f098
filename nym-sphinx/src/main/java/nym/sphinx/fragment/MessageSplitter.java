package nym.sphinx.fragment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

import nym.sphinx.SphinxGeometry;

/**
 * Splits a message into fragments that each fit one Sphinx packet, the way Nym's chunking does
 * (docs/fragments.md):
 * <ul>
 *   <li>up to {@code capacity - 1} bytes: one fragment with the 1-byte header;
 *   <li>up to 255 · ({@code capacity} - 7) bytes: one set of full 7-byte-header fragments, the last
 *       one possibly shorter;
 *   <li>longer: linked sets of 255 fragments, where fragment 255 of a set names the next set and
 *       fragment 1 of every later set names the previous one (10-byte headers); the last set holds
 *       the rest.
 * </ul>
 *
 * <p>Guarantees: every fragment's {@link Fragment#encodedLength()} is at most the capacity; every
 * fragment except the last of the message fills the capacity exactly; set ids are drawn from the
 * injected generator, uniformly from 1 to {@link FragmentHeader#MAX_SET_ID}, distinct within one
 * message. Padding to the full packet is left to the Sphinx payload encoding, as in Nym.
 *
 * <p>Immutable. Thread-safe if and only if the injected {@link RandomGenerator} is.
 */
public final class MessageSplitter {
    /** The smallest capacity that leaves one data byte after a linked header. */
    public static final int MIN_CAPACITY = FragmentHeader.LINKED_LENGTH + 1;

    private final int capacity;
    private final RandomGenerator random;

    private MessageSplitter(int capacity, RandomGenerator random) {
        this.capacity = capacity;
        this.random = random;
    }

    /**
     * @param capacity the most bytes one fragment may take, header included; at least {@link #MIN_CAPACITY}
     * @param random source of set ids, not null; pass a {@code SecureRandom} in production
     * @return a splitter
     * @throws IllegalArgumentException if {@code capacity} is below {@link #MIN_CAPACITY}
     */
    public static MessageSplitter create(int capacity, RandomGenerator random) {
        if (capacity < MIN_CAPACITY) {
            throw new IllegalArgumentException("capacity must be at least " + MIN_CAPACITY + ", got " + capacity);
        }
        return new MessageSplitter(capacity, Objects.requireNonNull(random, "random"));
    }

    /**
     * @param geometry not null; the capacity is its {@link SphinxGeometry#maxMessageLength()}
     * @param random source of set ids, not null
     * @return a splitter whose fragments each fill at most one packet of this geometry
     */
    public static MessageSplitter forGeometry(SphinxGeometry geometry, RandomGenerator random) {
        return create(geometry.maxMessageLength(), random);
    }

    /** @return the most bytes one fragment takes, header included */
    public int capacity() {
        return capacity;
    }

    /** @return the longest message that still fits one unlinked set of 255 fragments */
    public long maxSingleSetLength() {
        return (long) FragmentHeader.MAX_FRAGMENTS_PER_SET * (capacity - FragmentHeader.UNLINKED_LENGTH);
    }

    /**
     * @param message not null, any length (read, not kept)
     * @return the fragments in order: set by set, position by position
     */
    public List<Fragment> split(byte[] message) {
        int length = message.length;
        List<Fragment> out = new ArrayList<>();
        if (length <= capacity - FragmentHeader.UNFRAGMENTED_LENGTH) {
            out.add(Fragment.wrapOwned(FragmentHeader.unfragmented(), message.clone()));
            return out;
        }
        // A set linked at one end gives up 3 bytes (one 10-byte header), at both ends 6.
        long linkCost = FragmentHeader.LINKED_LENGTH - FragmentHeader.UNLINKED_LENGTH;
        long oneWay = maxSingleSetLength() - linkCost;
        long twoWay = maxSingleSetLength() - 2 * linkCost;
        int sets;
        if (length <= maxSingleSetLength()) {
            sets = 1;
        } else if (length <= 2 * oneWay) {
            sets = 2;
        } else {
            sets = 2 + (int) Math.ceilDiv(length - 2 * oneWay, twoWay);
        }
        int[] ids = drawDistinctIds(sets);
        long from = 0;
        for (int i = 0; i < sets; i++) {
            long setLength = sets == 1 ? length : i == 0 ? oneWay : i == sets - 1 ? length - from : twoWay;
            int previous = i == 0 ? FragmentHeader.NO_LINK : ids[i - 1];
            int next = i == sets - 1 ? FragmentHeader.NO_LINK : ids[i + 1];
            appendSet(out, message, (int) from, (int) (from + setLength), ids[i], previous, next);
            from += setLength;
        }
        return out;
    }

    private void appendSet(List<Fragment> out, byte[] message, int from, int to, int setId, int previous, int next) {
        boolean hasPrevious = previous != FragmentHeader.NO_LINK;
        boolean hasNext = next != FragmentHeader.NO_LINK;
        int total = 0;
        for (long at = from; at < to; ) {
            total++;
            at += room(total, hasPrevious, hasNext);
        }
        if (total > FragmentHeader.MAX_FRAGMENTS_PER_SET || hasNext && total != FragmentHeader.MAX_FRAGMENTS_PER_SET) {
            throw new IllegalStateException("BUG: set of " + (to - from) + " bytes needs " + total + " fragments");
        }
        int at = from;
        for (int position = 1; position <= total; position++) {
            int end = (int) Math.min(to, (long) at + room(position, hasPrevious, hasNext));
            try {
                FragmentHeader header = FragmentHeader.of(setId, total, position,
                        position == 1 ? previous : FragmentHeader.NO_LINK,
                        position == total ? next : FragmentHeader.NO_LINK);
                out.add(Fragment.wrapOwned(header, Arrays.copyOfRange(message, at, end)));
            } catch (FragmentException e) {
                throw new IllegalStateException("BUG: splitter built an invalid header", e);
            }
            at = end;
        }
    }

    /** Data bytes fragment {@code position} of a set can carry. */
    private int room(int position, boolean hasPrevious, boolean hasNext) {
        boolean linked = position == 1 && hasPrevious || position == FragmentHeader.MAX_FRAGMENTS_PER_SET && hasNext;
        return capacity - (linked ? FragmentHeader.LINKED_LENGTH : FragmentHeader.UNLINKED_LENGTH);
    }

    private int[] drawDistinctIds(int count) {
        Set<Integer> seen = new HashSet<>();
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            int id;
            do {
                id = 1 + random.nextInt(FragmentHeader.MAX_SET_ID);
            } while (!seen.add(id));
            ids[i] = id;
        }
        return ids;
    }
}
