package nym.crypto.primitives;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import nym.crypto.internal.JcaInstances;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), on the JCA's intrinsic HMAC.
 *
 * <p>Thread-safe: every call uses its thread's own {@link Mac}.
 */
public final class Hkdf {
    /** Bytes of one HMAC-SHA256 output block. */
    public static final int HASH_LENGTH = 32;
    /** The most output RFC 5869 allows. */
    public static final int MAX_OUTPUT_LENGTH = 255 * HASH_LENGTH;

    private static final String HMAC_SHA256 = "HmacSHA256";
    /** The absent salt, HashLen zero bytes, as a key: public and immutable, so one serves every call. */
    private static final SecretKeySpec ABSENT_SALT = new SecretKeySpec(new byte[HASH_LENGTH], HMAC_SHA256);

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
        Objects.requireNonNull(ikm, "ikm");
        Objects.requireNonNull(info, "info");
        if (length < 1 || length > MAX_OUTPUT_LENGTH) {
            throw new IllegalArgumentException("HKDF output length out of range: " + length);
        }
        byte[] prk = null;
        // One buffer for every T(i), so that wiping it at the end leaves no block behind.
        byte[] block = null;
        try {
            Mac mac = JcaInstances.hmacSha256();
            mac.init(ABSENT_SALT);
            prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, HMAC_SHA256));
            block = new byte[mac.getMacLength()];
            int blockLength = 0; // T(0) is empty
            byte[] okm = new byte[length];
            int written = 0;
            for (int counter = 1; written < length; counter++) {
                mac.update(block, 0, blockLength);
                mac.update(info);
                mac.update((byte) counter);
                mac.doFinal(block, 0);
                blockLength = block.length;
                int take = Math.min(block.length, length - written);
                System.arraycopy(block, 0, okm, written, take);
                written += take;
            }
            return okm;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BUG: HmacSHA256 unavailable in this JDK", e);
        } finally {
            if (prk != null) {
                Arrays.fill(prk, (byte) 0);
            }
            if (block != null) {
                Arrays.fill(block, (byte) 0);
            }
        }
    }
}
