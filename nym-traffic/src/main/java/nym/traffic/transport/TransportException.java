package nym.traffic.transport;

import java.util.Objects;

/**
 * A frame or address from the wire that is not what the transport expects. Messages are one line
 * and start with {@code transport: }.
 */
public final class TransportException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the input was refused. */
    public enum Reason {
        /** A frame with an unknown frame version. */
        UNKNOWN_FRAME_VERSION,
        /** A frame whose length field is not the packet length of the geometry. */
        BAD_FRAME_LENGTH,
        /** The stream ended inside a frame. */
        TRUNCATED_FRAME,
        /** A node address that does not encode an IP socket address. */
        BAD_ADDRESS,
        /** The next hop's send queue was full, or too many next hops are open. */
        QUEUE_FULL,
    }

    private final Reason reason;

    /**
     * @param reason not null
     * @param message one line
     */
    public TransportException(Reason reason, String message) {
        super("transport: " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the input was refused */
    public Reason reason() {
        return reason;
    }
}
