package nym.provider.internal.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

import nym.provider.ProviderException;

/**
 * The frame of the client-provider protocol: length (u32, big-endian, of what follows) ‖ type (u8)
 * ‖ body. A reader refuses a length above its cap before reading the body.
 */
public final class ClientFrames {
    /** The longest request a provider accepts. */
    public static final int MAX_REQUEST_LENGTH = 64 * 1024;
    /** The longest response a client accepts. */
    public static final int MAX_RESPONSE_LENGTH = 16 * 1024 * 1024;

    private ClientFrames() {}

    /**
     * One frame.
     *
     * @param type the message type
     * @param body the rest, possibly empty
     */
    public record Frame(int type, byte[] body) {}

    /**
     * @return the next frame, or null at a clean end of stream
     * @throws ProviderException with {@code MALFORMED} for a length over {@code maxLength}, a zero
     *     length, or a stream that ends inside a frame
     */
    public static Frame read(DataInputStream in, int maxLength) throws IOException, ProviderException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        try {
            int length = (first << 24) | (in.readUnsignedByte() << 16) | in.readUnsignedShort();
            if (length < 1 || length > maxLength) {
                throw new ProviderException(ProviderException.Reason.MALFORMED, "frame length " + (length & 0xFFFFFFFFL)
                        + " outside 1.." + maxLength);
            }
            int type = in.readUnsignedByte();
            byte[] body = new byte[length - 1];
            in.readFully(body);
            return new Frame(type, body);
        } catch (EOFException e) {
            throw new ProviderException(ProviderException.Reason.MALFORMED, "stream ended inside a frame");
        }
    }

    /** Writes and flushes one frame. */
    public static void write(DataOutputStream out, int type, byte[] body) throws IOException {
        out.writeInt(1 + body.length);
        out.writeByte(type);
        out.write(body);
        out.flush();
    }
}
