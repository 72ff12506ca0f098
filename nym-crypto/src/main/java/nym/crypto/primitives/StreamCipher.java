package nym.crypto.primitives;

import java.security.GeneralSecurityException;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import nym.crypto.CryptoException;
import nym.crypto.internal.JcaInstances;

/**
 * The Sphinx header's pseudorandom generator: the AES-128-CTR key stream from an all-zero counter
 * block, on the JCA's AES intrinsics.
 *
 * <p>Security: a key must be used for one stream only. Sphinx derives a fresh key per hop and
 * packet; never reuse one across messages.
 */
public final class StreamCipher {
    /** Bytes of an AES-128 key. */
    public static final int KEY_LENGTH = 16;

    private static final int BLOCK_LENGTH = 16;
    /** The all-zero initial counter block; the spec is immutable, so one serves every call. */
    private static final IvParameterSpec ZERO_COUNTER = new IvParameterSpec(new byte[BLOCK_LENGTH]);
    /** Zeros to encrypt into key stream without a copy; only ever read. */
    private static final byte[] ZEROS = new byte[512];

    private StreamCipher() {}

    /**
     * @param key 16 bytes
     * @param length bytes of key stream, at least 0
     * @return the first {@code length} bytes of AES-128-CTR(key, counter 0)
     * @throws CryptoException with {@code BAD_LENGTH} if the key is not 16 bytes
     */
    public static byte[] keystream(byte[] key, int length) throws CryptoException {
        CryptoException.requireLength("stream cipher key", key, KEY_LENGTH);
        if (length < 0) {
            throw new IllegalArgumentException("negative key stream length: " + length);
        }
        byte[] stream = new byte[length];
        encryptPadded(key, ZEROS, 0, 0, stream, 0, length);
        return stream;
    }

    /**
     * Writes {@code (in[inOffset, inOffset + inLength) ‖ zeros) XOR key stream} to
     * {@code out[outOffset, outOffset + outLength)}: the input, padded with zeros to the output's
     * length, encrypted. When input and output do not overlap, nothing is allocated beyond the
     * JCA's key set-up (its key schedule and the {@code SecretKeySpec}'s copy of the key); the JCA
     * copies an overlapping input first.
     *
     * @throws CryptoException with {@code BAD_LENGTH} if the key is not 16 bytes
     * @throws IllegalArgumentException if {@code inLength > outLength}
     * @throws IndexOutOfBoundsException if either range lies outside its array
     */
    public static void encryptPadded(byte[] key, byte[] in, int inOffset, int inLength, byte[] out, int outOffset,
            int outLength) throws CryptoException {
        CryptoException.requireLength("stream cipher key", key, KEY_LENGTH);
        encryptPadded(key, 0, in, inOffset, inLength, out, outOffset, outLength);
    }

    /**
     * As {@link #encryptPadded(byte[], byte[], int, int, byte[], int, int)}, with the key at
     * {@code key[keyOffset, keyOffset + 16)}: for callers that keep several keys in one array.
     *
     * @throws IllegalArgumentException if {@code inLength > outLength}
     * @throws IndexOutOfBoundsException if the key or either range lies outside its array
     * @throws NullPointerException if an array is null
     */
    public static void encryptPadded(byte[] key, int keyOffset, byte[] in, int inOffset, int inLength, byte[] out,
            int outOffset, int outLength) {
        Objects.checkFromIndexSize(keyOffset, KEY_LENGTH, key.length);
        Objects.checkFromIndexSize(inOffset, inLength, in.length);
        Objects.checkFromIndexSize(outOffset, outLength, out.length);
        if (inLength > outLength) {
            throw new IllegalArgumentException("input of " + inLength + " bytes exceeds the output's " + outLength);
        }
        try {
            Cipher aes = cipher(key, keyOffset);
            int done = aes.update(in, inOffset, inLength, out, outOffset);
            // CTR keeps its position across updates, so the padding continues the same stream.
            while (done < outLength) {
                int chunk = Math.min(ZEROS.length, outLength - done);
                done += aes.update(ZEROS, 0, chunk, out, outOffset + done);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BUG: AES-CTR update failed", e);
        }
    }

    /**
     * XORs the key stream into {@code data[offset, offset + length)} in place.
     *
     * @throws CryptoException with {@code BAD_LENGTH} if the key is not 16 bytes
     */
    public static void xorInPlace(byte[] key, byte[] data, int offset, int length) throws CryptoException {
        encryptPadded(key, data, offset, length, data, offset, length);
    }

    private static Cipher cipher(byte[] key, int keyOffset) {
        try {
            Cipher aes = JcaInstances.aesCtr();
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, keyOffset, KEY_LENGTH, "AES"), ZERO_COUNTER);
            return aes;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BUG: AES/CTR/NoPadding unavailable in this JDK", e);
        }
    }
}
