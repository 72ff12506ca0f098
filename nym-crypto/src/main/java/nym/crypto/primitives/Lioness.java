package nym.crypto.primitives;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import nym.crypto.CryptoException;
import nym.crypto.internal.Blake2b;
import nym.crypto.internal.JcaInstances;

/**
 * The Lioness wide-block cipher (Anderson and Biham) as the {@code lioness} crate 0.1.2 builds it,
 * for Sphinx payloads: ChaCha20 as the stream cipher and BLAKE2b-256 keyed with 64 bytes as the hash.
 *
 * <p>The block is split into L (the first 32 bytes) and R (the rest). Encryption:
 * R ^= ChaCha20(L ⊕ K1); L ^= BLAKE2b(K2, R); R ^= ChaCha20(L ⊕ K3); L ^= BLAKE2b(K4, R).
 * Decryption runs the same four steps in reverse order. ChaCha20 uses a zero nonce and counter 0.
 *
 * <p>Security: a wide-block cipher; flipping any bit of the ciphertext garbles the whole plaintext.
 * Thread-safe (no shared state).
 */
public final class Lioness {
    /** Bytes of the ChaCha20 keys and of L. */
    private static final int HALF_KEY = 32;
    /** Bytes of the BLAKE2b keys. */
    private static final int HASH_KEY = 64;
    /** Bytes of a Lioness key: K1 (32) ‖ K2 (64) ‖ K3 (32) ‖ K4 (64). */
    public static final int KEY_LENGTH = 2 * HALF_KEY + 2 * HASH_KEY;
    /** The smallest block: L plus at least one byte of R. */
    public static final int MIN_BLOCK_LENGTH = HALF_KEY + 1;

    private static final int K1 = 0;
    private static final int K2 = K1 + HALF_KEY;
    private static final int K3 = K2 + HASH_KEY;
    private static final int K4 = K3 + HALF_KEY;
    /** ChaCha20's zero nonce and counter 0; the spec is immutable, so one serves every call. */
    private static final ChaCha20ParameterSpec ZERO_NONCE = new ChaCha20ParameterSpec(new byte[12], 0);

    /** A round's ChaCha20 key or BLAKE2b digest, per thread, zeroed after each round. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[HALF_KEY]);

    private Lioness() {}

    /**
     * Encrypts {@code block} in place.
     *
     * @throws CryptoException with {@code BAD_LENGTH} for a key that is not 192 bytes or a block
     *     shorter than 33 bytes
     */
    public static void encrypt(byte[] key, byte[] block) throws CryptoException {
        encrypt(key, block, 0, Objects.requireNonNull(block, "block").length);
    }

    /**
     * Encrypts the block {@code data[offset, offset + length)} in place.
     *
     * @throws CryptoException with {@code BAD_LENGTH} for a key that is not 192 bytes or a block
     *     shorter than 33 bytes
     * @throws IndexOutOfBoundsException if the block lies outside {@code data}
     */
    public static void encrypt(byte[] key, byte[] data, int offset, int length) throws CryptoException {
        CryptoException.requireLength("Lioness key", key, KEY_LENGTH);
        encrypt(key, 0, data, offset, length);
    }

    /**
     * As {@link #encrypt(byte[], byte[], int, int)}, with the key at {@code key[keyOffset, keyOffset + 192)}:
     * for callers that keep several keys in one array.
     *
     * @throws CryptoException with {@code BAD_LENGTH} for a block shorter than 33 bytes
     * @throws IndexOutOfBoundsException if the key or the block lies outside its array
     * @throws NullPointerException if an array is null
     */
    public static void encrypt(byte[] key, int keyOffset, byte[] data, int offset, int length) throws CryptoException {
        check(key, keyOffset, data, offset, length);
        streamStep(key, keyOffset + K1, data, offset, length);
        hashStep(key, keyOffset + K2, data, offset, length);
        streamStep(key, keyOffset + K3, data, offset, length);
        hashStep(key, keyOffset + K4, data, offset, length);
    }

    /**
     * Decrypts {@code block} in place.
     *
     * @throws CryptoException with {@code BAD_LENGTH} for a key that is not 192 bytes or a block
     *     shorter than 33 bytes
     */
    public static void decrypt(byte[] key, byte[] block) throws CryptoException {
        decrypt(key, block, 0, Objects.requireNonNull(block, "block").length);
    }

    /**
     * Decrypts the block {@code data[offset, offset + length)} in place.
     *
     * @throws CryptoException with {@code BAD_LENGTH} for a key that is not 192 bytes or a block
     *     shorter than 33 bytes
     * @throws IndexOutOfBoundsException if the block lies outside {@code data}
     */
    public static void decrypt(byte[] key, byte[] data, int offset, int length) throws CryptoException {
        CryptoException.requireLength("Lioness key", key, KEY_LENGTH);
        decrypt(key, 0, data, offset, length);
    }

    /** The inverse of {@link #encrypt(byte[], int, byte[], int, int)}, with the same checks and exceptions. */
    public static void decrypt(byte[] key, int keyOffset, byte[] data, int offset, int length) throws CryptoException {
        check(key, keyOffset, data, offset, length);
        // The four steps of encryption in reverse order.
        hashStep(key, keyOffset + K4, data, offset, length);
        streamStep(key, keyOffset + K3, data, offset, length);
        hashStep(key, keyOffset + K2, data, offset, length);
        streamStep(key, keyOffset + K1, data, offset, length);
    }

    private static void check(byte[] key, int keyOffset, byte[] data, int offset, int length)
            throws CryptoException {
        Objects.checkFromIndexSize(keyOffset, KEY_LENGTH, key.length);
        Objects.requireNonNull(data, "data");
        if (length < MIN_BLOCK_LENGTH) {
            throw new CryptoException(CryptoException.Reason.BAD_LENGTH,
                    "Lioness block must be at least " + MIN_BLOCK_LENGTH + " bytes, got " + length);
        }
        Objects.checkFromIndexSize(offset, length, data.length);
    }

    /** R ^= ChaCha20(L ⊕ K), for the block {@code data[offset, offset + length)}. */
    private static void streamStep(byte[] key, int keyOffset, byte[] data, int offset, int length) {
        byte[] streamKey = SCRATCH.get();
        try {
            for (int i = 0; i < HALF_KEY; i++) {
                streamKey[i] = (byte) (data[offset + i] ^ key[keyOffset + i]);
            }
            // Decrypt mode: the same XOR, and the JDK refuses to re-init encryption with a reused
            // key and nonce, which Lioness does by design (the nonce is always zero).
            Cipher chacha = JcaInstances.chaCha20();
            chacha.init(Cipher.DECRYPT_MODE, new SecretKeySpec(streamKey, "ChaCha20"), ZERO_NONCE);
            int right = offset + HALF_KEY;
            chacha.update(data, right, length - HALF_KEY, data, right);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BUG: ChaCha20 unavailable in this JDK", e);
        } finally {
            Arrays.fill(streamKey, (byte) 0);
        }
    }

    /** L ^= BLAKE2b-256 keyed with K over R, for the block {@code data[offset, offset + length)}. */
    private static void hashStep(byte[] key, int keyOffset, byte[] data, int offset, int length) {
        byte[] digest = SCRATCH.get();
        try {
            Blake2b.keyedHash(key, keyOffset, HASH_KEY, data, offset + HALF_KEY, length - HALF_KEY, digest);
            for (int i = 0; i < HALF_KEY; i++) {
                data[offset + i] ^= digest[i];
            }
        } finally {
            Arrays.fill(digest, (byte) 0);
        }
    }
}
