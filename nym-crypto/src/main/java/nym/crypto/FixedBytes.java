package nym.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable public byte string of one exact length: addresses, identifiers, public keys, tags.
 *
 * <p>Guarantees: the constructor checks the length and copies its input; {@link #toByteArray()}
 * returns a copy; {@link #equals(Object)} compares the concrete class and the bytes in constant time.
 * Not for secrets: secrets are {@link SecretBytes}, which never prints its content.
 */
public abstract class FixedBytes {
    private final byte[] bytes;

    /**
     * @param bytes the value, copied
     * @param length the exact length this subclass requires
     * @throws IllegalArgumentException if {@code bytes} has another length; callers that parse
     *     bad input check the length first and throw their module's checked exception
     */
    protected FixedBytes(byte[] bytes, int length) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != length) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " must be " + length
                    + " bytes, got " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /**
     * @param source holds the value at {@code source[offset, offset + length)}, copied once: for
     *     values read out of a packet or frame without an intermediate array
     * @param length the exact length this subclass requires
     * @throws IndexOutOfBoundsException if the range lies outside {@code source}
     */
    protected FixedBytes(byte[] source, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(source, "source").length);
        this.bytes = Arrays.copyOfRange(source, offset, offset + length);
    }

    /** @return a copy of the bytes */
    public final byte[] toByteArray() {
        return bytes.clone();
    }

    /** @return the number of bytes */
    public final int length() {
        return bytes.length;
    }

    /**
     * Copies the bytes into {@code destination} at {@code offset}, without an intermediate copy.
     *
     * @throws IndexOutOfBoundsException if they do not fit
     */
    public final void copyTo(byte[] destination, int offset) {
        System.arraycopy(bytes, 0, destination, offset, bytes.length);
    }

    /**
     * @return whether {@code source[offset, offset + length())} holds exactly these bytes, compared
     *     in constant time and without a copy
     * @throws IndexOutOfBoundsException if the range lies outside {@code source}
     */
    public final boolean contentEquals(byte[] source, int offset) {
        return ConstantTime.equal(bytes, 0, source, offset, bytes.length);
    }

    /** @return the bytes in lower-case hexadecimal */
    public final String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** @return the bytes in base58 (Bitcoin alphabet) */
    public final String toBase58() {
        return Base58.encode(bytes);
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
                && ConstantTime.equal(bytes, ((FixedBytes) other).bytes);
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + toHex() + "]";
    }
}
