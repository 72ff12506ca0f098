package nym.topology;

import java.util.Objects;

/**
 * Everything that can go wrong with a topology or the directory that serves it: a route that cannot
 * be built, a malformed or invalid node description, a directory that cannot be reached, refuses a
 * request or answers nonsense.
 *
 * <p>Messages are one line and start with {@code topology: }. Tests assert on {@link #reason()}.
 */
public final class TopologyException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the operation failed. */
    public enum Reason {
        /** A layer had no mix node, so no route can be built. */
        EMPTY_LAYER,
        /** No provider in the topology has registered the given client address. */
        UNKNOWN_CLIENT,
        /** A JSON document could not be parsed, had a field of the wrong type, or lacked a field. */
        MALFORMED,
        /** A field was well-formed JSON but out of range: layer, key, host, count. */
        INVALID_VALUE,
        /** A request or response body was larger than the configured cap. */
        TOO_LARGE,
        /** The directory already holds its maximum number of nodes. */
        FULL,
        /** The directory could not be reached, timed out, or the call was interrupted. */
        UNREACHABLE,
        /** The directory refused a request (a 4xx or 5xx status). */
        REJECTED,
        /** The directory answered with a body that is not what the API promises. */
        BAD_RESPONSE,
    }

    private final Reason reason;

    /**
     * @param reason why the operation failed, not null
     * @param message one line
     */
    public TopologyException(Reason reason, String message) {
        super("topology: " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason why the operation failed, not null
     * @param message one line
     * @param cause the underlying failure
     */
    public TopologyException(Reason reason, String message, Throwable cause) {
        super("topology: " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the operation failed */
    public Reason reason() {
        return reason;
    }
}
