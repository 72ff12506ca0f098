package nym.crypto.primitives;

import java.util.Objects;

import nym.crypto.internal.JcaInstances;

/**
 * SHA-256 (FIPS 180-4) on the JCA's intrinsic digest, without a provider look-up per call.
 *
 * <p>Thread-safe: every call uses its thread's own digest.
 */
public final class Sha256 {
    /** Bytes of a digest. */
    public static final int LENGTH = 32;

    private Sha256() {}

    /** @return the 32-byte SHA-256 of {@code data}, not null */
    public static byte[] digest(byte[] data) {
        return JcaInstances.sha256().digest(Objects.requireNonNull(data, "data"));
    }
}
