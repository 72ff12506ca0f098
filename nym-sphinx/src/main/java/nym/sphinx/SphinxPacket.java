package nym.sphinx;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

import nym.crypto.group.GroupElement;

/**
 * One Sphinx packet as it travels: α ‖ γ ‖ β ‖ payload, exactly {@link SphinxGeometry#packetLength()}
 * bytes. Immutable: bytes are copied in and out.
 */
public final class SphinxPacket {
    private final SphinxGeometry geometry;
    private final byte[] bytes;

    /** Takes ownership of {@code bytes}, which the caller must not keep; the length is checked. */
    private SphinxPacket(SphinxGeometry geometry, byte[] bytes) {
        this.geometry = geometry;
        this.bytes = bytes;
    }

    /**
     * @param bytes a packet of the default geometry, copied
     * @throws SphinxException with {@code TRUNCATED} unless it has exactly 1372 bytes
     */
    public static SphinxPacket fromBytes(byte[] bytes) throws SphinxException {
        return fromBytes(SphinxGeometry.DEFAULT, bytes);
    }

    /**
     * @param bytes a packet of {@code geometry}, copied
     * @throws SphinxException with {@code TRUNCATED} unless it has exactly
     *     {@code geometry.packetLength()} bytes
     */
    public static SphinxPacket fromBytes(SphinxGeometry geometry, byte[] bytes) throws SphinxException {
        Objects.requireNonNull(geometry, "geometry");
        if (bytes == null || bytes.length != geometry.packetLength()) {
            throw new SphinxException(SphinxException.Reason.TRUNCATED, "packet must be " + geometry.packetLength()
                    + " bytes, got " + (bytes == null ? "none" : bytes.length));
        }
        return new SphinxPacket(geometry, bytes.clone());
    }

    /** Wraps an array this package has just built; never exposed. */
    static SphinxPacket adopt(SphinxGeometry geometry, byte[] ownedBytes) {
        if (ownedBytes.length != geometry.packetLength()) {
            throw new IllegalStateException("BUG: built packet of " + ownedBytes.length + " bytes");
        }
        return new SphinxPacket(geometry, ownedBytes);
    }

    /** @return a copy of the packet's bytes */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** @return a read-only view of the packet's bytes, for writing to the wire without a copy */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** @return the geometry this packet was parsed or built with */
    public SphinxGeometry geometry() {
        return geometry;
    }

    /** @return α, the packet's group element */
    public GroupElement alpha() {
        return GroupElement.readFrom(bytes, geometry.alphaOffset());
    }

    /** Package-internal access without a copy, for the processor. */
    byte[] internalBytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SphinxPacket that && geometry.equals(that.geometry) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SphinxPacket[" + bytes.length + " bytes]";
    }
}
