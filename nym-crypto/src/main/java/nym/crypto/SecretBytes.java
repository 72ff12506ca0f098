package nym.crypto;

import java.util.Objects;

/**
 * An immutable secret byte string: private keys, shared secrets, derived keys, auth tokens.
 *
 * <p>Guarantees: the content is copied in and only copied out to a caller holding a
 * {@link SecretAccess} token; {@link #toString()} shows only the length; {@code equals} and
 * {@code hashCode} are identity-based so secrets never land in hash tables by value; compare with
 * {@link #equalsSecret(SecretBytes)}, which runs in constant time.
 *
 * <p>Not guaranteed: the JVM may copy the array (garbage collection, JIT), so wiping is best effort.
 */
public final class SecretBytes {
    private final byte[] bytes;

    private SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @param bytes the secret, copied
     * @return a secret holding a copy of {@code bytes}
     */
    public static SecretBytes copyOf(byte[] bytes) {
        return new SecretBytes(Objects.requireNonNull(bytes, "bytes").clone());
    }

    /**
     * @param access the token that marks this call site as touching key material, not null
     * @return a copy of the secret bytes
     */
    public byte[] toByteArray(SecretAccess access) {
        Objects.requireNonNull(access, "access");
        return bytes.clone();
    }

    /** @return the number of bytes */
    public int length() {
        return bytes.length;
    }

    /**
     * @param other another secret, not null
     * @return whether both hold the same bytes, compared in constant time
     */
    public boolean equalsSecret(SecretBytes other) {
        return ConstantTime.equal(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return "SecretBytes[" + bytes.length + " bytes]";
    }
}
