package nym.sphinx.route;

import nym.crypto.FixedBytes;
import nym.sphinx.SphinxException;

/**
 * The address of a mix node or provider inside a routing block: 32 opaque bytes that the
 * network layer maps to a host (nym.traffic encodes a socket address in them).
 * Immutable; equality compares bytes in constant time.
 */
public final class NodeAddress extends FixedBytes {
    /** Bytes of this value. */
    public static final int LENGTH = 32;

    private NodeAddress(byte[] bytes) {
        super(bytes, LENGTH);
    }

    private NodeAddress(byte[] source, int offset) {
        super(source, offset, LENGTH);
    }

    /**
     * @param bytes exactly {@link #LENGTH} bytes, copied
     * @throws SphinxException with {@code TRUNCATED} for any other length
     */
    public static NodeAddress fromBytes(byte[] bytes) throws SphinxException {
        if (bytes == null || bytes.length != LENGTH) {
            throw new SphinxException(SphinxException.Reason.TRUNCATED, "node address must be " + LENGTH
                    + " bytes, got " + (bytes == null ? "none" : bytes.length));
        }
        return new NodeAddress(bytes);
    }

    /**
     * Reads {@link #LENGTH} bytes of {@code source} at {@code offset}.
     *
     * @throws SphinxException with {@code TRUNCATED} if they are not all there
     */
    public static NodeAddress readFrom(byte[] source, int offset) throws SphinxException {
        if (offset < 0 || source.length - offset < LENGTH) {
            throw new SphinxException(SphinxException.Reason.TRUNCATED, "no room for a " + LENGTH
                    + "-byte value at offset " + offset + " of " + source.length);
        }
        return new NodeAddress(source, offset);
    }
}
