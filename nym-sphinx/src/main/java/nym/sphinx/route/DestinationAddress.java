package nym.sphinx.route;

import nym.crypto.FixedBytes;
import nym.sphinx.SphinxException;

/**
 * The final recipient written into the last routing block: 32 bytes, in Nym the recipient
 * client's public key, which the provider uses to pick the inbox.
 * Immutable; equality compares bytes in constant time.
 */
public final class DestinationAddress extends FixedBytes {
    /** Bytes of this value. */
    public static final int LENGTH = 32;

    private DestinationAddress(byte[] bytes) {
        super(bytes, LENGTH);
    }

    private DestinationAddress(byte[] source, int offset) {
        super(source, offset, LENGTH);
    }

    /**
     * @param bytes exactly {@link #LENGTH} bytes, copied
     * @throws SphinxException with {@code TRUNCATED} for any other length
     */
    public static DestinationAddress fromBytes(byte[] bytes) throws SphinxException {
        if (bytes == null || bytes.length != LENGTH) {
            throw new SphinxException(SphinxException.Reason.TRUNCATED, "destination address must be " + LENGTH
                    + " bytes, got " + (bytes == null ? "none" : bytes.length));
        }
        return new DestinationAddress(bytes);
    }

    /**
     * Reads {@link #LENGTH} bytes of {@code source} at {@code offset}.
     *
     * @throws SphinxException with {@code TRUNCATED} if they are not all there
     */
    public static DestinationAddress readFrom(byte[] source, int offset) throws SphinxException {
        if (offset < 0 || source.length - offset < LENGTH) {
            throw new SphinxException(SphinxException.Reason.TRUNCATED, "no room for a " + LENGTH
                    + "-byte value at offset " + offset + " of " + source.length);
        }
        return new DestinationAddress(source, offset);
    }
}
