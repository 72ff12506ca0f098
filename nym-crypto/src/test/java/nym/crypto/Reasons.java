package nym.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Asserts on the {@link CryptoException.Reason} of a refused input, never on its message. */
public final class Reasons {
    private Reasons() {}

    /**
     * Asserts that {@code call} throws a {@link CryptoException} with {@code expected} and a message
     * with the module prefix.
     *
     * @return the exception, for further checks
     */
    public static CryptoException assertReason(CryptoException.Reason expected, Executable call) {
        CryptoException e = assertThrows(CryptoException.class, call);
        assertEquals(expected, e.reason(), () -> "reason of " + e);
        assertTrue(e.getMessage().startsWith("crypto: "), () -> "message without prefix: " + e.getMessage());
        return e;
    }
}
