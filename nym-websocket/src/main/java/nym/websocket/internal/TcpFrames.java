package nym.websocket.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * The TCP socket's framing: a 4-byte big-endian length, then that many bytes of a UTF-8 JSON
 * document. A frame is read whole or not at all; a length over the cap is reported before any of
 * its body is read, because the stream cannot be resynchronised after it.
 */
public final class TcpFrames {
    /** Bytes of the length prefix. */
    public static final int PREFIX_BYTES = Integer.BYTES;

    private TcpFrames() {}

    /** What one read found. */
    public sealed interface Read {
        /** A whole frame's body. */
        record Frame(byte[] body) implements Read {}

        /** A length prefix over the cap (as unsigned); nothing after it was read. */
        record TooLong(long length) implements Read {}

        /** The peer closed the stream between frames. */
        record End() implements Read {}
    }

    /**
     * Reads one frame.
     *
     * @throws EOFException if the stream ends inside a frame (prefix or body)
     * @throws IOException if reading fails
     */
    public static Read read(DataInputStream in, int maxFrameBytes) throws IOException {
        int first = in.read();
        if (first < 0) {
            return new Read.End();
        }
        byte[] rest = in.readNBytes(PREFIX_BYTES - 1);
        if (rest.length < PREFIX_BYTES - 1) {
            throw new EOFException("stream ended inside a length prefix");
        }
        long length = Integer.toUnsignedLong(ByteBuffer.allocate(PREFIX_BYTES)
                .put((byte) first).put(rest).flip().getInt());
        if (length > maxFrameBytes) {
            return new Read.TooLong(length);
        }
        byte[] body = new byte[(int) length];
        in.readFully(body);
        return new Read.Frame(body);
    }

    /** Writes {@code body} as one frame and flushes. */
    public static void write(OutputStream out, byte[] body) throws IOException {
        out.write(ByteBuffer.allocate(PREFIX_BYTES).putInt(body.length).array());
        out.write(body);
        out.flush();
    }
}
