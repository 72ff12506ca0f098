package nym.traffic.transport;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;

import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;

/**
 * The frame that carries one Sphinx packet over TCP between nodes: frame version (1 byte, {@code 1})
 * ‖ packet length (2 bytes, big-endian) ‖ packet. The length must equal the geometry's packet length,
 * so a reader never buffers more than one packet and never consumes a partial frame as a packet.
 *
 * <p>Stateless and thread-safe.
 */
public final class PacketFrames {
    /** The frame version this implementation writes and reads. */
    public static final int FRAME_VERSION = 1;
    /** Bytes before the packet. */
    public static final int HEADER_LENGTH = 3;

    private PacketFrames() {}

    /** @return the frame of {@code packet} */
    public static byte[] encode(SphinxPacket packet) {
        byte[] bytes = packet.toBytes();
        byte[] frame = new byte[HEADER_LENGTH + bytes.length];
        frame[0] = FRAME_VERSION;
        frame[1] = (byte) (bytes.length >>> 8);
        frame[2] = (byte) bytes.length;
        System.arraycopy(bytes, 0, frame, HEADER_LENGTH, bytes.length);
        return frame;
    }

    /** Writes the frame of {@code packet}; the caller flushes. */
    public static void write(OutputStream out, SphinxPacket packet) throws IOException {
        out.write(encode(packet));
    }

    /**
     * Reads one frame.
     *
     * @return the packet, or null if the stream ended cleanly between frames
     * @throws TransportException if the frame is malformed or the stream ends inside it
     * @throws IOException if reading fails
     */
    public static SphinxPacket read(DataInputStream in, SphinxGeometry geometry) throws IOException, TransportException {
        int version = in.read();
        if (version < 0) {
            return null;
        }
        if (version != FRAME_VERSION) {
            throw new TransportException(TransportException.Reason.UNKNOWN_FRAME_VERSION,
                    "unknown frame version " + version);
        }
        try {
            int length = in.readUnsignedShort();
            if (length != geometry.packetLength()) {
                throw new TransportException(TransportException.Reason.BAD_FRAME_LENGTH,
                        "frame length " + length + ", expected " + geometry.packetLength());
            }
            byte[] packet = new byte[length];
            in.readFully(packet);
            return SphinxPacket.fromBytes(geometry, packet);
        } catch (EOFException e) {
            throw new TransportException(TransportException.Reason.TRUNCATED_FRAME, "stream ended inside a frame");
        } catch (SphinxException e) {
            throw new IllegalStateException("BUG: frame of checked length refused as a packet", e);
        }
    }
}
