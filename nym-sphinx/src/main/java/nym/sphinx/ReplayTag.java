package nym.sphinx;

import java.util.Arrays;

import nym.crypto.FixedBytes;
import nym.crypto.SecretAccess;
import nym.crypto.group.SharedSecret;
import nym.crypto.primitives.Sha256;

/**
 * What a node remembers of each packet it processed, to drop a replay: SHA-256 of the hop's shared
 * secret. The same packet always gives the same tag at the same node key; the tag reveals nothing of
 * the secret. Immutable; 32 bytes.
 */
public final class ReplayTag extends FixedBytes {
    /** Bytes of a tag. */
    public static final int LENGTH = 32;

    private ReplayTag(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** @return the tag of the hop whose shared secret is {@code secret} */
    static ReplayTag of(SharedSecret secret) {
        byte[] raw = secret.toBytes(SecretAccess.insecureGrant());
        try {
            return new ReplayTag(Sha256.digest(raw));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
