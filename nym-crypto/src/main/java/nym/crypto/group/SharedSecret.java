package nym.crypto.group;

import java.util.Objects;

import nym.crypto.ConstantTime;
import nym.crypto.SecretAccess;

/**
 * The 32-byte result of a Diffie-Hellman multiplication (the Sphinx shared secret s in the paper).
 * Secret: never printed, compared only with {@link #equalsSecret}, handed out only as copies.
 */
public final class SharedSecret {
    /** Bytes of a shared secret. */
    public static final int LENGTH = 32;

    private final byte[] bytes;

    /** Takes a multiplication's fresh output over: the caller keeps no reference to {@code bytes}. */
    SharedSecret(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @param access the token for raw key material, not null
     * @return a copy of the 32 bytes
     */
    public byte[] toBytes(SecretAccess access) {
        Objects.requireNonNull(access, "access");
        return bytes.clone();
    }

    /**
     * Copies the 32 bytes into {@code destination} at {@code offset}: for a caller that derives keys
     * in a buffer of its own and wipes it, without a new array per secret.
     *
     * @param access the token for raw key material, not null
     * @throws IndexOutOfBoundsException if they do not fit
     */
    public void copyTo(byte[] destination, int offset, SecretAccess access) {
        Objects.requireNonNull(access, "access");
        System.arraycopy(bytes, 0, destination, offset, LENGTH);
    }

    /** @return whether both hold the same bytes, compared in constant time */
    public boolean equalsSecret(SharedSecret other) {
        return ConstantTime.equal(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return "SharedSecret[secret]";
    }
}
