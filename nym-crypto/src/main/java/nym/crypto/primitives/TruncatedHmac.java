package nym.crypto.primitives;

import java.util.Arrays;
import java.util.Objects;

import nym.crypto.ConstantTime;
import nym.crypto.CryptoException;
import nym.crypto.internal.HmacSha256;

/**
 * HMAC-SHA256 truncated to its first 16 bytes: the integrity tag γ (gamma) of a Sphinx header.
 *
 * <p>Security: {@link #verify} compares in constant time and throws on mismatch, so a failed check
 * cannot be ignored by dropping a boolean.
 */
public final class TruncatedHmac {
    /** Bytes of a tag. */
    public static final int LENGTH = 16;
    /** Bytes of the key Sphinx derives for it (μ in the paper). */
    public static final int KEY_LENGTH = 16;

    /**
     * The tag {@link #verify} computes, per thread: compared, then zeroed, since after a mismatch it is
     * a valid tag for the data that was sent.
     */
    private static final ThreadLocal<byte[]> EXPECTED = ThreadLocal.withInitial(() -> new byte[LENGTH]);

    private TruncatedHmac() {}

    /**
     * @param key 16 bytes
     * @param data the authenticated bytes, {@code data[offset, offset + length)}
     * @return the 16-byte tag
     * @throws CryptoException with {@code BAD_LENGTH} if the key is not 16 bytes
     */
    public static byte[] compute(byte[] key, byte[] data, int offset, int length) throws CryptoException {
        CryptoException.requireLength("HMAC key", key, KEY_LENGTH);
        byte[] tag = new byte[LENGTH];
        computeInto(key, 0, data, offset, length, tag, 0);
        return tag;
    }

    /**
     * Writes the tag over {@code data[offset, offset + length)} to {@code tags[tagOffset, tagOffset + 16)},
     * with the key at {@code key[keyOffset, keyOffset + 16)}: a header's γ written where it travels,
     * under a key kept with others in one array. The tag's range may not overlap the data's.
     *
     * @throws IndexOutOfBoundsException if the key, the data or the tag lies outside its array
     * @throws NullPointerException if an array is null
     */
    public static void computeInto(byte[] key, int keyOffset, byte[] data, int offset, int length, byte[] tags,
            int tagOffset) {
        Objects.checkFromIndexSize(keyOffset, KEY_LENGTH, key.length);
        Objects.checkFromIndexSize(offset, length, data.length);
        Objects.checkFromIndexSize(tagOffset, LENGTH, tags.length);
        HmacSha256 mac = HmacSha256.forThisThread();
        try {
            mac.init(key, keyOffset, KEY_LENGTH).update(data, offset, length).doFinal(tags, tagOffset, LENGTH);
        } finally {
            mac.wipe();
        }
    }

    /**
     * Verifies {@code tag} over {@code data[offset, offset + length)} in constant time.
     *
     * @throws CryptoException with {@code MAC_MISMATCH} if it does not verify, {@code BAD_LENGTH}
     *     if the key or tag has the wrong length
     */
    public static void verify(byte[] key, byte[] data, int offset, int length, byte[] tag)
            throws CryptoException {
        CryptoException.requireLength("HMAC tag", tag, LENGTH);
        verify(key, data, offset, length, tag, 0);
    }

    /**
     * Verifies the tag at {@code tags[tagOffset, tagOffset + 16)} (a packet's γ, read in place) over
     * {@code data[offset, offset + length)} in constant time.
     *
     * @throws CryptoException with {@code MAC_MISMATCH} if it does not verify, {@code BAD_LENGTH}
     *     if the key has the wrong length
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void verify(byte[] key, byte[] data, int offset, int length, byte[] tags, int tagOffset)
            throws CryptoException {
        CryptoException.requireLength("HMAC key", key, KEY_LENGTH);
        verify(key, 0, data, offset, length, tags, tagOffset);
    }

    /**
     * As {@link #verify(byte[], byte[], int, int, byte[], int)}, with the key at
     * {@code key[keyOffset, keyOffset + 16)}.
     *
     * @throws CryptoException with {@code MAC_MISMATCH} if it does not verify
     * @throws IndexOutOfBoundsException if the key, the data or the tag lies outside its array
     * @throws NullPointerException if an array is null
     */
    public static void verify(byte[] key, int keyOffset, byte[] data, int offset, int length, byte[] tags,
            int tagOffset) throws CryptoException {
        Objects.checkFromIndexSize(tagOffset, LENGTH, tags.length);
        byte[] expected = EXPECTED.get();
        boolean equal;
        try {
            computeInto(key, keyOffset, data, offset, length, expected, 0);
            equal = ConstantTime.equal(expected, 0, tags, tagOffset, LENGTH);
        } finally {
            Arrays.fill(expected, (byte) 0);
        }
        if (!equal) {
            throw new CryptoException(CryptoException.Reason.MAC_MISMATCH, "authentication failed");
        }
    }
}
