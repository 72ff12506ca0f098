package nym.crypto.primitives;

import java.security.MessageDigest;
import java.util.Objects;

import nym.crypto.internal.JcaInstances;

/**
 * SHA-256 (FIPS 180-4) on the JCA's intrinsic digest, without a provider look-up per call.
 *
 * <p>Thread-safe: every call uses its thread's own digest, and resets it before returning, which
 * zeroes the digest's buffer: the input (a shared secret, for the replay tag) does not stay there
 * until the next call.
 */
public final class Sha256 {
    /** Bytes of a digest. */
    public static final int LENGTH = 32;

    private Sha256() {}

    /** @return the 32-byte SHA-256 of {@code data}, not null */
    public static byte[] digest(byte[] data) {
        Objects.requireNonNull(data, "data");
        MessageDigest sha = JcaInstances.sha256();
        try {
            return sha.digest(data);
        } finally {
            sha.reset();
        }
    }
}
