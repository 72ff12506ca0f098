package nym.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretBytesTest {
    private static final SecretAccess ACCESS = SecretAccess.insecureGrant();

    @Test
    void copiesInAndOut() {
        byte[] input = {1, 2, 3};
        SecretBytes secret = SecretBytes.copyOf(input);
        input[0] = 9;
        secret.toByteArray(ACCESS)[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, secret.toByteArray(ACCESS));
        assertEquals(3, secret.length());
    }

    @Test
    void equalitiesAreIdentityAndConstantTimeContent() {
        SecretBytes a = SecretBytes.copyOf(new byte[] {1, 2, 3});
        SecretBytes b = SecretBytes.copyOf(new byte[] {1, 2, 3});
        assertNotEquals(a, b, "equals is identity");
        assertTrue(a.equalsSecret(b));
        assertFalse(a.equalsSecret(SecretBytes.copyOf(new byte[] {1, 2, 4})));
        assertFalse(a.equalsSecret(SecretBytes.copyOf(new byte[] {1, 2})));
    }

    @Test
    void readingNeedsTheToken() {
        SecretBytes secret = SecretBytes.copyOf(new byte[] {1});
        assertThrows(NullPointerException.class, () -> secret.toByteArray(null));
        assertThrows(NullPointerException.class, () -> SecretBytes.copyOf(null));
    }

    @Test
    void toStringShowsOnlyTheLength() {
        assertEquals("SecretBytes[3 bytes]", SecretBytes.copyOf(new byte[] {0x41, 0x42, 0x43}).toString());
    }
}
