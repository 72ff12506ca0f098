package nym.crypto.primitives;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import nym.crypto.ConstantTime;
import nym.crypto.CryptoException;
import nym.crypto.internal.JcaInstances;

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

    private static final String HMAC_SHA256 = "HmacSHA256";

    private TruncatedHmac() {}

    /**
     * @param key 16 bytes
     * @param data the authenticated bytes, {@code data[offset, offset + length)}
     * @return the 16-byte tag
     * @throws CryptoException with {@code BAD_LENGTH} if the key is not 16 bytes
     */
    public static byte[] compute(byte[] key, byte[] data, int offset, int length) throws CryptoException {
        CryptoException.requireLength("HMAC key", key, KEY_LENGTH);
        Objects.checkFromIndexSize(offset, length, data.length);
        try {
            Mac mac = JcaInstances.hmacSha256();
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            mac.update(data, offset, length);
            return Arrays.copyOf(mac.doFinal(), LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BUG: HmacSHA256 unavailable in this JDK", e);
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
        byte[] expected = compute(key, data, offset, length);
        if (!ConstantTime.equal(expected, tag)) {
            throw new CryptoException(CryptoException.Reason.MAC_MISMATCH, "authentication failed");
        }
    }
}
