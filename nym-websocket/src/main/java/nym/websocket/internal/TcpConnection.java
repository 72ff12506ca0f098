package nym.websocket.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * One TCP client, served on its own virtual thread: read a frame, answer it, repeat. Requests on a
 * connection are answered in order; the next frame is not read until the answer is written, which
 * is the push-back on a client that sends faster than it reads.
 */
public final class TcpConnection implements Runnable {
    private static final System.Logger LOG = ServerLogs.TCP;

    private static final int DRAIN_MILLIS = 500;

    private final Socket socket;
    private final RequestHandler handler;
    private final int maxFrameBytes;

    public TcpConnection(Socket socket, RequestHandler handler, int maxFrameBytes) {
        this.socket = socket;
        this.handler = handler;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public void run() {
        try (socket;
                DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
                OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            serve(in, out);
        } catch (EOFException e) {
            LOG.log(Level.DEBUG, "connection from " + socket.getRemoteSocketAddress() + " ended inside a frame");
        } catch (SocketException e) {
            // The peer or the server's close() ended the connection.
        } catch (IOException e) {
            LOG.log(Level.INFO, "connection from " + socket.getRemoteSocketAddress() + " failed: " + e.getMessage());
        }
    }

    private void serve(DataInputStream in, OutputStream out) throws IOException {
        while (true) {
            switch (TcpFrames.read(in, maxFrameBytes)) {
                case TcpFrames.Read.End end -> {
                    return;
                }
                case TcpFrames.Read.TooLong tooLong -> {
                    LOG.log(Level.WARNING, "Closing connection from " + socket.getRemoteSocketAddress()
                            + ": frame of " + tooLong.length() + " bytes over the maximum of " + maxFrameBytes);
                    answer(out, RequestHandler.error("frame of " + tooLong.length() + " bytes is over the maximum of "
                            + maxFrameBytes + " bytes; closing the connection"));
                    closeGracefully(in);
                    return;
                }
                case TcpFrames.Read.Frame frame -> answerAndConfirm(out, respond(frame.body()));
            }
        }
    }

    /**
     * Half-closes, then discards what the peer is still sending for a moment, so that closing does
     * not reset the connection before the peer has read the error.
     */
    private void closeGracefully(DataInputStream in) throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(DRAIN_MILLIS);
        try {
            long drained = 0;
            while (drained < maxFrameBytes && in.read() >= 0) {
                drained += 1 + in.skip(maxFrameBytes - drained);
            }
        } catch (SocketTimeoutException e) {
            // The peer is still sending: close anyway.
        }
    }

    private RequestHandler.Reply respond(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
            return handler.answer(text);
        } catch (CharacterCodingException e) {
            return new RequestHandler.Reply(RequestHandler.error("request is not valid UTF-8"), null);
        }
    }

    /** Writes the reply; fetched messages count as delivered only once it is flushed. */
    private static void answerAndConfirm(OutputStream out, RequestHandler.Reply reply) throws IOException {
        boolean sent = false;
        try {
            answer(out, reply.json());
            sent = true;
        } finally {
            reply.sent(sent);
        }
    }

    private static void answer(OutputStream out, String response) throws IOException {
        TcpFrames.write(out, response.getBytes(StandardCharsets.UTF_8));
    }
}
