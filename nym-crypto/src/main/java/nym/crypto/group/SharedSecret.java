package nym.crypto.group;

import java.util.Arrays;

import nym.crypto.SecretAccess;
import nym.crypto.SecretBytes;

/**
 * The 32-byte result of a Diffie-Hellman multiplication (the Sphinx shared secret s in the paper).
 * Secret: never printed, compared only with {@link #equalsSecret}.
 */
public final class SharedSecret {
    /** Bytes of a shared secret. */
    public static final int LENGTH = 32;

    private final SecretBytes bytes;

    /** Takes a multiplication's fresh output: copies it, then zeroes {@code bytes}. */
    SharedSecret(byte[] bytes) {
        this.bytes = SecretBytes.copyOf(bytes);
        Arrays.fill(bytes, (byte) 0);
    }

    /**
     * @param access the token for raw key material, not null
     * @return a copy of the 32 bytes
     */
    public byte[] toBytes(SecretAccess access) {
        return bytes.toByteArray(access);
    }

    /** @return whether both hold the same bytes, compared in constant time */
    public boolean equalsSecret(SharedSecret other) {
        return bytes.equalsSecret(other.bytes);
    }

    @Override
    public String toString() {
        return "SharedSecret[secret]";
    }
}
