package nym.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.junit.jupiter.api.Test;

import nym.websocket.ClientPortException;
import nym.websocket.FakeClientPort;
import nym.websocket.Fetched;
import nym.websocket.WebSocketConfig;

/**
 * Fetched messages leave the client only once their response is written to the socket: a response
 * still queued when its connection goes away leaves them for the next fetch. The channel here
 * takes no bytes once the request was read, so the response stays queued until the peer aborts.
 */
class UnwrittenFetchResponseTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Test
    void aResponseTheConnectionNeverTookLeavesItsMessages() throws Exception {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        FakeClientPort client = new FakeClientPort() {
            @Override
            public Fetched fetch() throws ClientPortException {
                return Fetched.of(super.fetch().messages(), () -> outcome.complete("delivered"),
                        () -> outcome.complete("undelivered"));
            }
        };
        client.deliver("not yet read by anyone");
        StallingFactory factory = new StallingFactory();
        ApiWebSocketServer server = ApiWebSocketServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                WebSocketConfig.DEFAULT_MAX_FRAME_BYTES, 1, List.of(), new RequestHandler(client), factory);
        try {
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.getPort() + "/"), new WebSocket.Listener() {})
                    .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            factory.stallAfterNextRead = true;
            socket.sendText("{\"type\":\"fetch\"}", true).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertTrue(factory.responseQueued.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "no response queued");
            socket.abort(); // the application goes away before the response reached it
            assertEquals("undelivered", outcome.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        } finally {
            server.stopQuietly();
        }
    }

    /** Connections over a channel that writes nothing once a request was read after arming. */
    private static final class StallingFactory implements WebSocketServerFactory {
        final CountDownLatch responseQueued = new CountDownLatch(1);
        volatile boolean stallAfterNextRead;
        private volatile boolean stalled;

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
            return createWebSocket(adapter, List.of(draft));
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
            return new WebSocketImpl(adapter, drafts) {
                @Override
                public void send(String text) {
                    super.send(text);
                    responseQueued.countDown();
                }
            };
        }

        @Override
        public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
            return new PassThroughChannel(channel) {
                @Override
                public int read(ByteBuffer dst) throws IOException {
                    int read = super.read(dst);
                    if (read > 0 && stallAfterNextRead) {
                        stalled = true;
                    }
                    return read;
                }

                @Override
                public int write(ByteBuffer src) throws IOException {
                    return stalled ? 0 : super.write(src);
                }
            };
        }

        @Override
        public void close() {
            // Nothing of its own.
        }
    }
}
