package nym.provider;

import java.util.Objects;

/**
 * A provider operation that failed: storage, a refused request, or a malformed response. Messages
 * are one line, start with {@code provider: }, and never contain tokens or keys.
 */
public final class ProviderException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the operation failed. */
    public enum Reason {
        /** The durable store could not read or write. */
        STORAGE,
        /** The client is not registered at this provider. */
        UNKNOWN_CLIENT,
        /** The auth token or the registration proof did not verify. */
        UNAUTHORIZED,
        /** A request or response did not follow the protocol. */
        MALFORMED,
        /** The provider could not be reached or the connection failed. */
        UNREACHABLE,
        /** The provider registers no more clients. */
        FULL,
    }

    private final Reason reason;

    /**
     * @param reason not null
     * @param message one line, without secrets
     */
    public ProviderException(Reason reason, String message) {
        super("provider: " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason not null
     * @param message one line, without secrets
     * @param cause the underlying failure
     */
    public ProviderException(Reason reason, String message, Throwable cause) {
        super("provider: " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the operation failed */
    public Reason reason() {
        return reason;
    }
}
