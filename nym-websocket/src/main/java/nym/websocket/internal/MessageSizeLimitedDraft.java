package nym.websocket.internal;

import java.util.List;

import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;

/**
 * RFC 6455 with one limit for a whole message, however it is fragmented. {@link Draft_6455}'s
 * {@code maxFrameSize} refuses a single frame longer than the limit as soon as its header is read,
 * but (in 1.6.0, see TooTallNate/Java-WebSocket#1508) it appends non-final continuation frames to
 * its buffer without checking the total, so a peer could grow that buffer without bound before the
 * final frame. This draft counts the bytes of the message being assembled and refuses it at the
 * first fragment that takes it over the limit. Either way the connection is closed with code 1009
 * ("message too big"); the server itself is unaffected.
 *
 * <p>Java-WebSocket gives each connection its own copy ({@link #copyInstance()}); one instance is
 * used by one connection's worker thread at a time.
 */
public final class MessageSizeLimitedDraft extends Draft_6455 {
    private final int maxMessageBytes;
    private long assembling;

    /** @param maxMessageBytes the most payload bytes one frame, and one fragmented message, may carry */
    public MessageSizeLimitedDraft(int maxMessageBytes) {
        super(List.of(), maxMessageBytes);
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void processFrame(WebSocketImpl connection, Framedata frame) throws InvalidDataException {
        Opcode opcode = frame.getOpcode();
        boolean data = opcode == Opcode.TEXT || opcode == Opcode.BINARY || opcode == Opcode.CONTINUOUS;
        if (data) {
            if (opcode != Opcode.CONTINUOUS) {
                assembling = 0;
            }
            assembling += frame.getPayloadData().remaining();
            if (assembling > maxMessageBytes) {
                assembling = 0;
                throw new LimitExceededException("message over " + maxMessageBytes + " bytes", maxMessageBytes);
            }
        }
        super.processFrame(connection, frame);
        if (data && frame.isFin()) {
            assembling = 0;
        }
    }

    @Override
    public void reset() {
        super.reset();
        assembling = 0;
    }

    @Override
    public Draft copyInstance() {
        return new MessageSizeLimitedDraft(maxMessageBytes);
    }
}
