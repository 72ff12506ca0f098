package nym.websocket.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.WrappedByteChannel;
import org.java_websocket.drafts.Draft;

/**
 * Java-WebSocket's connections for tests that interfere with the selector: once {@link #arm()}ed,
 * the next bytes read are a request ({@link #requestRead}), and the replies queued after it are
 * counted ({@link #replies}, {@link #replyQueued}). Subclasses hold back writes with
 * {@link #write} and {@link #needsWrite}; by default the channel passes everything to the socket.
 *
 * <p>A reply counts only if its {@code send} began after the request was read. Asking only after
 * {@code send} returns would also count an earlier reply: once queued, it can be written and read by
 * the peer, which then sends the request, all before its sending thread looks (a push test then went
 * on before its request was answered, and the push took the message the test meant for another
 * connection).
 */
abstract class ObservingFactory implements WebSocketServerFactory {
    final CountDownLatch replyQueued = new CountDownLatch(1);
    final AtomicInteger replies = new AtomicInteger();
    volatile WebSocketImpl connection;
    volatile boolean requestRead;
    private volatile boolean armed;

    /** From now on, bytes read are the request. */
    void arm() {
        armed = true;
    }

    /** What the channel's {@code write} does; {@code channel.write(src)} unless overridden. */
    int write(SocketChannel channel, ByteBuffer src) throws IOException {
        return channel.write(src);
    }

    /** What the channel's {@code isNeedWrite} answers (the selector asks in doWrite); false unless overridden. */
    boolean needsWrite() {
        return false;
    }

    /** Sees every answer of a connection's {@code hasBufferedData}; nothing unless overridden. */
    void bufferedDataAsked(WebSocketImpl conn, boolean buffered) {
        // Nothing to observe.
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
        return createWebSocket(adapter, List.of(draft));
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
        connection = new WebSocketImpl(adapter, drafts) {
            @Override
            public void send(String text) {
                boolean afterRequest = requestRead;
                super.send(text);
                if (afterRequest) {
                    replies.incrementAndGet();
                    replyQueued.countDown();
                }
            }

            @Override
            public boolean hasBufferedData() {
                boolean buffered = super.hasBufferedData();
                bufferedDataAsked(this, buffered);
                return buffered;
            }
        };
        return connection;
    }

    @Override
    public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
        return new WrappedByteChannel() {
            @Override
            public int read(ByteBuffer dst) throws IOException {
                int read = channel.read(dst);
                if (read > 0 && armed) {
                    requestRead = true;
                }
                return read;
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                return ObservingFactory.this.write(channel, src);
            }

            @Override
            public boolean isNeedWrite() {
                return needsWrite();
            }

            @Override
            public void writeMore() {
                // Nothing of its own to write.
            }

            @Override
            public boolean isNeedRead() {
                return false;
            }

            @Override
            public int readMore(ByteBuffer dst) {
                return 0;
            }

            @Override
            public boolean isBlocking() {
                return channel.isBlocking();
            }

            @Override
            public boolean isOpen() {
                return channel.isOpen();
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    @Override
    public void close() {
        // Nothing of its own.
    }
}
