package nym.sphinx.fragment;

import java.util.Objects;

/**
 * Bad fragment input: bytes that do not parse as a fragment, a fragment whose length does not fit
 * the capacity, a fragment that contradicts others of its set, or a fragment the reassembler has no
 * room for. Every way a fragment from the network can be wrong ends here with a {@link Reason};
 * nothing unchecked escapes {@link Fragment#fromBytes} or {@link MessageReassembler#accept}.
 *
 * <p>Messages are one line, start with {@code fragment: }, and state expected and actual values
 * where a value is wrong. They never contain message data.
 */
public final class FragmentException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a fragment was refused. */
    public enum Reason {
        /** Fewer bytes than the header form announced by the first byte (1, 7 or 10) needs. */
        TRUNCATED,
        /**
         * A header with a cleared flag bit, a set id of 0, a total or position of 0, a position
         * beyond the total, a link flag on a fragment that cannot carry a link, or a link to itself.
         */
        MALFORMED_HEADER,
        /**
         * More data than the capacity leaves after the header, or a fragment that is not the last
         * of its message but does not fill the capacity (the splitter fills every other fragment).
         */
        BAD_DATA_LENGTH,
        /**
         * A fragment that contradicts what the reassembler holds: the same set id with another
         * total, another link, or other bytes at the same position; or linked sets that do not
         * point back at each other.
         */
        INCONSISTENT,
        /** Accepting the fragment would exceed the reassembler's bound on buffered bytes. */
        BUFFER_FULL,
        /** Accepting the fragment would exceed the reassembler's bound on pending sets. */
        TOO_MANY_PENDING,
    }

    private final Reason reason;

    /**
     * @param reason not null
     * @param message one line, without message data
     */
    public FragmentException(Reason reason, String message) {
        super("fragment: " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the fragment was refused */
    public Reason reason() {
        return reason;
    }
}
