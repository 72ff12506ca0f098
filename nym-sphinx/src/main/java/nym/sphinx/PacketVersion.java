package nym.sphinx;

import java.util.List;

import nym.crypto.FixedBytes;

/**
 * The 3-byte version written into every routing block of the header. The reference
 * ({@code sphinx-packet} 0.1.0) writes {@code 00 01 00}; it is a protocol value, never derived from
 * the Maven project version.
 */
public final class PacketVersion extends FixedBytes {
    /** Bytes of a version. */
    public static final int LENGTH = 3;

    /** The version this implementation writes. */
    public static final PacketVersion CURRENT = new PacketVersion(new byte[] {0, 1, 0});

    /** Every version this implementation accepts when processing. */
    public static final List<PacketVersion> KNOWN = List.of(CURRENT);

    private PacketVersion(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /**
     * Checks, in constant time, that {@code routing[offset, offset + 3)} is a known version.
     *
     * @throws SphinxException with {@link SphinxException.Reason#UNKNOWN_VERSION} otherwise
     */
    static void requireKnown(byte[] routing, int offset) throws SphinxException {
        boolean known = false;
        for (int i = 0; i < KNOWN.size(); i++) { // indexed: an iterator per packet is garbage
            known |= KNOWN.get(i).contentEquals(routing, offset);
        }
        if (!known) {
            throw new SphinxException(SphinxException.Reason.UNKNOWN_VERSION, "unknown packet version");
        }
    }
}
