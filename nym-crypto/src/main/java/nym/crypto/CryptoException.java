package nym.crypto;

import java.util.Objects;

/**
 * Bad input to a cryptographic operation: a value of the wrong length, an unparseable encoding, a
 * key file that is not what it claims, a failed MAC or signature check.
 *
 * <p>Messages are one line, start with {@code crypto: }, and never contain secret bytes.
 * Authentication failures say only that authentication failed. Tests assert on {@link #reason()}.
 */
public final class CryptoException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the input was refused. */
    public enum Reason {
        /** A value had a length other than the one required. */
        BAD_LENGTH,
        /** A textual or binary encoding could not be parsed (base58, PEM, point encoding). */
        BAD_ENCODING,
        /** A message authentication code did not verify. */
        MAC_MISMATCH,
        /** A signature did not verify. */
        BAD_SIGNATURE,
        /** A key file was missing, unreadable or of another key type. */
        BAD_KEY_FILE,
    }

    private final Reason reason;

    /**
     * @param reason why the input was refused, not null
     * @param message one line, without secret bytes
     */
    public CryptoException(Reason reason, String message) {
        super("crypto: " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason why the input was refused, not null
     * @param message one line, without secret bytes
     * @param cause the underlying failure
     */
    public CryptoException(Reason reason, String message, Throwable cause) {
        super("crypto: " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the input was refused */
    public Reason reason() {
        return reason;
    }

    /**
     * Checks that {@code value} has exactly {@code expected} bytes.
     *
     * @param what the name of the value, for the message
     * @throws CryptoException with {@link Reason#BAD_LENGTH} if it has not
     */
    public static void requireLength(String what, byte[] value, int expected) throws CryptoException {
        Objects.requireNonNull(value, what);
        if (value.length != expected) {
            throw new CryptoException(Reason.BAD_LENGTH,
                    what + " must be " + expected + " bytes, got " + value.length);
        }
    }
}
