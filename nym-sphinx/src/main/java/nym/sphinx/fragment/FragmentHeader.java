package nym.sphinx.fragment;

import java.util.OptionalInt;

/**
 * The header in front of each fragment's data, in Nym's chunking format (docs/fragments.md).
 * Three forms, told apart by the first byte and the seventh:
 * <ul>
 *   <li>1 byte {@code 0x00}: the message was not split; the rest of the fragment is the message.
 *   <li>7 bytes: {@code 1}-bit flag ‖ 31-bit set id (big-endian) ‖ total fragments (u8) ‖ current
 *       fragment (u8, from 1) ‖ {@code 0x00}: one fragment of a set with no link here.
 *   <li>10 bytes: the 7-byte form whose last byte is replaced by {@code 1}-bit flag ‖ 31-bit linked
 *       set id: the first fragment of a set linking back to the previous set, or fragment 255 of
 *       255 linking forward to the next set.
 * </ul>
 *
 * <p>Immutable and thread-safe. Every instance is valid: set ids are 1 to {@link #MAX_SET_ID},
 * 1 ≤ current ≤ total ≤ {@link #MAX_FRAGMENTS_PER_SET}, a link never points at its own set, a
 * previous link sits only on fragment 1 and a next link only on fragment 255 of 255.
 */
public final class FragmentHeader {
    /** Bytes of the header of a message that was not split. */
    public static final int UNFRAGMENTED_LENGTH = 1;
    /** Bytes of the header of a fragment without a link. */
    public static final int UNLINKED_LENGTH = 7;
    /** Bytes of the header of a fragment that carries a link to another set. */
    public static final int LINKED_LENGTH = 10;
    /** The most fragments one set holds: the total is one unsigned byte. */
    public static final int MAX_FRAGMENTS_PER_SET = 255;
    /** The largest set id: ids are 31 bits, the 32nd is a flag. */
    public static final int MAX_SET_ID = Integer.MAX_VALUE;
    /** Passed as a link to say "no link"; 0 is never a set id. */
    public static final int NO_LINK = 0;

    private static final int FLAG_BIT = 0x8000_0000;
    // Offsets inside the 7- and 10-byte forms.
    private static final int SET_ID_OFFSET = 0;
    private static final int TOTAL_OFFSET = 4;
    private static final int CURRENT_OFFSET = 5;
    private static final int LINK_OFFSET = 6;

    private static final FragmentHeader UNFRAGMENTED = new FragmentHeader(false, 0, 1, 1, NO_LINK, NO_LINK);

    private final boolean fragmented;
    private final int setId;
    private final int totalFragments;
    private final int currentFragment;
    private final int previousSetId;
    private final int nextSetId;

    private FragmentHeader(boolean fragmented, int setId, int totalFragments, int currentFragment,
            int previousSetId, int nextSetId) {
        this.fragmented = fragmented;
        this.setId = setId;
        this.totalFragments = totalFragments;
        this.currentFragment = currentFragment;
        this.previousSetId = previousSetId;
        this.nextSetId = nextSetId;
    }

    /** @return the 1-byte header of a message that fits one fragment: set id 0, fragment 1 of 1. */
    public static FragmentHeader unfragmented() {
        return UNFRAGMENTED;
    }

    /** Same as {@link #of(int, int, int, int, int)} without links. @throws FragmentException as it does */
    public static FragmentHeader of(int setId, int totalFragments, int currentFragment) throws FragmentException {
        return of(setId, totalFragments, currentFragment, NO_LINK, NO_LINK);
    }

    /**
     * @param previousSetId the set before this one, or {@link #NO_LINK}; only on fragment 1
     * @param nextSetId the set after this one, or {@link #NO_LINK}; only on fragment 255 of 255
     * @return a fragmented header
     * @throws FragmentException with {@code MALFORMED_HEADER} if a value is out of range or a link
     *     sits on a fragment that cannot carry it
     */
    public static FragmentHeader of(int setId, int totalFragments, int currentFragment, int previousSetId,
            int nextSetId) throws FragmentException {
        String problem = null;
        if (setId < 1) {
            problem = "set id must be 1 to " + MAX_SET_ID + ", got " + setId;
        } else if (totalFragments < 1 || totalFragments > MAX_FRAGMENTS_PER_SET) {
            problem = "total fragments must be 1 to " + MAX_FRAGMENTS_PER_SET + ", got " + totalFragments;
        } else if (currentFragment < 1 || currentFragment > totalFragments) {
            problem = "current fragment must be 1 to " + totalFragments + ", got " + currentFragment;
        } else if (previousSetId != NO_LINK && (previousSetId < 1 || previousSetId == setId || currentFragment != 1)) {
            problem = "previous link " + previousSetId + " invalid on fragment " + currentFragment + " of set " + setId;
        } else if (nextSetId != NO_LINK && (nextSetId < 1 || nextSetId == setId
                || currentFragment != MAX_FRAGMENTS_PER_SET || totalFragments != MAX_FRAGMENTS_PER_SET)) {
            problem = "next link " + nextSetId + " invalid on fragment " + currentFragment + "/" + totalFragments
                    + " of set " + setId;
        }
        if (problem != null) {
            throw new FragmentException(FragmentException.Reason.MALFORMED_HEADER, problem);
        }
        return new FragmentHeader(true, setId, totalFragments, currentFragment, previousSetId, nextSetId);
    }

    /**
     * Reads the header at the start of {@code bytes}; {@link #length()} then says where data starts.
     *
     * @throws FragmentException with {@code TRUNCATED} or {@code MALFORMED_HEADER}
     */
    static FragmentHeader read(byte[] bytes) throws FragmentException {
        if (bytes.length < UNFRAGMENTED_LENGTH) {
            throw truncated(UNFRAGMENTED_LENGTH, bytes.length);
        }
        if (bytes[0] == 0) {
            return UNFRAGMENTED;
        }
        if (bytes.length < UNLINKED_LENGTH) {
            throw truncated(UNLINKED_LENGTH, bytes.length);
        }
        int flaggedId = readInt(bytes, SET_ID_OFFSET);
        if ((flaggedId & FLAG_BIT) == 0) {
            throw new FragmentException(FragmentException.Reason.MALFORMED_HEADER,
                    "first byte 0x" + Integer.toHexString(bytes[0] & 0xff) + " is neither 0x00 nor flagged");
        }
        int setId = flaggedId & ~FLAG_BIT;
        int total = bytes[TOTAL_OFFSET] & 0xff;
        int current = bytes[CURRENT_OFFSET] & 0xff;
        if (bytes[LINK_OFFSET] == 0) {
            return of(setId, total, current);
        }
        if (bytes.length < LINKED_LENGTH) {
            throw truncated(LINKED_LENGTH, bytes.length);
        }
        int flaggedLink = readInt(bytes, LINK_OFFSET);
        if ((flaggedLink & FLAG_BIT) == 0) {
            throw new FragmentException(FragmentException.Reason.MALFORMED_HEADER,
                    "link byte 0x" + Integer.toHexString(bytes[LINK_OFFSET] & 0xff) + " is neither 0x00 nor flagged");
        }
        int link = flaggedLink & ~FLAG_BIT;
        if (link == NO_LINK) {
            throw new FragmentException(FragmentException.Reason.MALFORMED_HEADER, "link to set 0");
        }
        if (current == 1) {
            return of(setId, total, current, link, NO_LINK);
        }
        return of(setId, total, current, NO_LINK, link);
    }

    /** Writes {@link #length()} bytes at {@code offset} of {@code target}. */
    void writeTo(byte[] target, int offset) {
        if (!fragmented) {
            target[offset] = 0;
            return;
        }
        writeInt(target, offset + SET_ID_OFFSET, setId | FLAG_BIT);
        target[offset + TOTAL_OFFSET] = (byte) totalFragments;
        target[offset + CURRENT_OFFSET] = (byte) currentFragment;
        int link = isLinked() ? Math.max(previousSetId, nextSetId) : NO_LINK;
        if (link == NO_LINK) {
            target[offset + LINK_OFFSET] = 0;
        } else {
            writeInt(target, offset + LINK_OFFSET, link | FLAG_BIT);
        }
    }

    /** @return a new array with this header's {@link #length()} bytes */
    public byte[] toBytes() {
        byte[] out = new byte[length()];
        writeTo(out, 0);
        return out;
    }

    /** @return 1, 7 or 10: the bytes this header takes */
    public int length() {
        if (!fragmented) {
            return UNFRAGMENTED_LENGTH;
        }
        return isLinked() ? LINKED_LENGTH : UNLINKED_LENGTH;
    }

    /** @return false for the 1-byte header of a message that was not split */
    public boolean isFragmented() {
        return fragmented;
    }

    /** @return true if this header carries a previous or next link (the 10-byte form) */
    public boolean isLinked() {
        return previousSetId != NO_LINK || nextSetId != NO_LINK;
    }

    /** @return the set id, 1 to {@link #MAX_SET_ID}; 0 for an unfragmented header */
    public int setId() {
        return setId;
    }

    /** @return fragments in this set, 1 to 255 (1 when unfragmented) */
    public int totalFragments() {
        return totalFragments;
    }

    /** @return this fragment's position in its set, 1 to {@link #totalFragments()} */
    public int currentFragment() {
        return currentFragment;
    }

    /** @return the set before this one, present only on fragment 1 of a set that continues a message */
    public OptionalInt previousSetId() {
        return previousSetId == NO_LINK ? OptionalInt.empty() : OptionalInt.of(previousSetId);
    }

    /** @return the set after this one, present only on fragment 255 of 255 of a set that is continued */
    public OptionalInt nextSetId() {
        return nextSetId == NO_LINK ? OptionalInt.empty() : OptionalInt.of(nextSetId);
    }

    private static FragmentException truncated(int expected, int actual) {
        return new FragmentException(FragmentException.Reason.TRUNCATED,
                "header needs " + expected + " bytes, got " + actual);
    }

    private static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16
                | (bytes[offset + 2] & 0xff) << 8 | bytes[offset + 3] & 0xff;
    }

    private static void writeInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FragmentHeader h && fragmented == h.fragmented && setId == h.setId
                && totalFragments == h.totalFragments && currentFragment == h.currentFragment
                && previousSetId == h.previousSetId && nextSetId == h.nextSetId;
    }

    @Override
    public int hashCode() {
        return ((setId * 31 + totalFragments) * 31 + currentFragment) * 31 + previousSetId * 7 + nextSetId;
    }

    @Override
    public String toString() {
        return !fragmented ? "FragmentHeader[unfragmented]"
                : "FragmentHeader[set=" + setId + ", " + currentFragment + "/" + totalFragments
                + (previousSetId != NO_LINK ? ", previous=" + previousSetId : "")
                + (nextSetId != NO_LINK ? ", next=" + nextSetId : "") + "]";
    }
}
