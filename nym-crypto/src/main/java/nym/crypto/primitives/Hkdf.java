package nym.crypto.primitives;

import java.util.Arrays;
import java.util.Objects;

import nym.crypto.internal.HmacSha256;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), on the JCA's intrinsic SHA-256.
 *
 * <p>Thread-safe: every call uses its thread's own HMAC and buffer, and wipes both before returning.
 */
public final class Hkdf {
    /** Bytes of one HMAC-SHA256 output block. */
    public static final int HASH_LENGTH = 32;
    /** The most output RFC 5869 allows. */
    public static final int MAX_OUTPUT_LENGTH = 255 * HASH_LENGTH;

    /** The absent salt, HashLen zero bytes: public, and only ever read. */
    private static final byte[] ABSENT_SALT = new byte[HASH_LENGTH];
    /**
     * Each expansion step's input T(i−1) ‖ info ‖ i, built in place so that it is fed to the MAC in
     * one update; per thread, grown for a longer info, and wiped after each derivation.
     */
    private static final ThreadLocal<byte[]> MESSAGE = ThreadLocal.withInitial(() -> new byte[HASH_LENGTH]);

    private Hkdf() {}

    /**
     * Extracts a pseudorandom key from {@code ikm} with an absent salt (32 zero bytes) and expands
     * it with {@code info} to {@code length} bytes.
     *
     * @param ikm the input key material, not null
     * @param info the context string, not null
     * @param length output bytes, 1 to {@link #MAX_OUTPUT_LENGTH}
     * @return the output key material; the caller owns and should wipe it
     */
    public static byte[] deriveSha256(byte[] ikm, byte[] info, int length) {
        checkLength(length);
        byte[] okm = new byte[length];
        deriveSha256(ikm, info, okm, 0, length);
        return okm;
    }

    /**
     * {@link #deriveSha256(byte[], byte[], int)} into {@code out[offset, offset + length)}, allocating
     * nothing: what a mix node runs for every packet. {@code out} may overlap {@code ikm} and
     * {@code info}: both are read before the first output byte is written.
     *
     * @throws IndexOutOfBoundsException if the range lies outside {@code out}
     */
    public static void deriveSha256(byte[] ikm, byte[] info, byte[] out, int offset, int length) {
        Objects.requireNonNull(ikm, "ikm");
        Objects.requireNonNull(info, "info");
        checkLength(length);
        Objects.checkFromIndexSize(offset, length, out.length);
        HmacSha256 mac = HmacSha256.forThisThread();
        int counterAt = HASH_LENGTH + info.length;
        byte[] message = messageBuffer(counterAt + 1);
        try {
            // The PRK goes where each T(i) will: it is the MAC's key, copied into its pads by init.
            mac.init(ABSENT_SALT, 0, HASH_LENGTH).update(ikm, 0, ikm.length).doFinal(message, 0);
            mac.init(message, 0, HASH_LENGTH);
            System.arraycopy(info, 0, message, HASH_LENGTH, info.length);
            int start = HASH_LENGTH; // T(0) is empty
            int written = 0;
            for (int counter = 1; written < length; counter++) {
                message[counterAt] = (byte) counter;
                mac.restart().update(message, start, counterAt + 1 - start).doFinal(message, 0);
                start = 0;
                int take = Math.min(HASH_LENGTH, length - written);
                System.arraycopy(message, 0, out, offset + written, take);
                written += take;
            }
        } finally {
            mac.wipe();
            Arrays.fill(message, 0, counterAt + 1, (byte) 0);
        }
    }

    private static byte[] messageBuffer(int length) {
        byte[] message = MESSAGE.get();
        if (message.length < length) {
            message = new byte[length];
            MESSAGE.set(message);
        }
        return message;
    }

    private static void checkLength(int length) {
        if (length < 1 || length > MAX_OUTPUT_LENGTH) {
            throw new IllegalArgumentException("HKDF output length out of range: " + length);
        }
    }
}
