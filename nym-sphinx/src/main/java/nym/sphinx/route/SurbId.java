package nym.sphinx.route;

import nym.crypto.FixedBytes;
import nym.sphinx.SphinxException;

/**
 * The 16-byte identifier in the final routing block ("SURB identifier" in the reference):
 * lets the recipient of a reply find the keys of the reply block it created.
 * Immutable; equality compares bytes in constant time.
 */
public final class SurbId extends FixedBytes {
    /** Bytes of this value. */
    public static final int LENGTH = 16;

    private SurbId(byte[] bytes) {
        super(bytes, LENGTH);
    }

    private SurbId(byte[] source, int offset) {
        super(source, offset, LENGTH);
    }

    /**
     * @param bytes exactly {@link #LENGTH} bytes, copied
     * @throws SphinxException with {@code TRUNCATED} for any other length
     */
    public static SurbId fromBytes(byte[] bytes) throws SphinxException {
        if (bytes == null || bytes.length != LENGTH) {
            throw new SphinxException(SphinxException.Reason.TRUNCATED, "SURB identifier must be " + LENGTH
                    + " bytes, got " + (bytes == null ? "none" : bytes.length));
        }
        return new SurbId(bytes);
    }

    /**
     * Reads {@link #LENGTH} bytes of {@code source} at {@code offset}.
     *
     * @throws SphinxException with {@code TRUNCATED} if they are not all there
     */
    public static SurbId readFrom(byte[] source, int offset) throws SphinxException {
        if (offset < 0 || source.length - offset < LENGTH) {
            throw new SphinxException(SphinxException.Reason.TRUNCATED, "no room for a " + LENGTH
                    + "-byte value at offset " + offset + " of " + source.length);
        }
        return new SurbId(source, offset);
    }
}
