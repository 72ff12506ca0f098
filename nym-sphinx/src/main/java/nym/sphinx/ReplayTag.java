package nym.sphinx;

import nym.crypto.FixedBytes;
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

    /** @return the tag of the hop whose shared secret has the 32 bytes {@code secret}, left as they are */
    static ReplayTag ofSecret(byte[] secret) {
        return new ReplayTag(Sha256.digest(secret));
    }
}
