package nym.sphinx;

import java.util.Objects;

/**
 * Bad input to packet creation or processing. Every way a packet from the network can be wrong
 * ends here with a {@link Reason}; nothing unchecked escapes a parser.
 *
 * <p>Messages are one line, start with {@code sphinx: }, state expected and actual sizes where a size
 * is wrong, and never contain secret bytes. Authentication failures say only that.
 */
public final class SphinxException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a packet or an input was refused. */
    public enum Reason {
        /** A packet, header, SURB or field had the wrong length. */
        TRUNCATED,
        /** The routing information carries a version this implementation does not know. */
        UNKNOWN_VERSION,
        /** The header's integrity tag γ did not verify: tampered, or not for this node's key. */
        MAC_MISMATCH,
        /** The decrypted routing information holds an unknown flag or an impossible value. */
        BAD_ROUTING_COMMAND,
        /** A decrypted payload does not have the zero prefix and 0x01 terminator of a message. */
        BAD_PAYLOAD_PADDING,
        /** A packet that was already processed (reported by replay stores, not by this module). */
        REPLAY,
        /** A route that is empty or longer than the geometry allows, or delays that do not match it. */
        BAD_ROUTE,
        /** A message longer than one packet's payload can carry. */
        MESSAGE_TOO_LONG,
        /** A geometry whose sizes are inconsistent. */
        BAD_GEOMETRY,
    }

    private final Reason reason;

    /**
     * @param reason not null
     * @param message one line, without secret bytes
     */
    public SphinxException(Reason reason, String message) {
        super("sphinx: " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the input was refused */
    public Reason reason() {
        return reason;
    }
}
