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
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nym.websocket.ClientPortException;
import nym.websocket.FakeClientPort;
import nym.websocket.Fetched;
import nym.websocket.WebSocketConfig;

/**
 * What the WebSocket does with a response the socket has not taken: fetched messages leave the
 * client only once their response is written, and a peer that never reads holds one reply, not
 * all of them. The channel here takes no bytes once a request was read after arming.
 */
class UnwrittenResponseTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Test
    void aResponseTheConnectionNeverTookLeavesItsMessages() throws Exception {
        ConfirmingClient client = new ConfirmingClient();
        client.deliver("not yet read by anyone");
        StallingFactory factory = new StallingFactory();
        ApiWebSocketServer server = start(client, factory);
        try {
            WebSocket socket = connectAndStallAfter(server, factory, "{\"type\":\"fetch\"}");
            socket.abort(); // the application goes away before the response reached it
            assertEquals("undelivered", client.outcome.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        } finally {
            server.stopQuietly();
        }
    }

    /** Reports whether the first messages it hands out were delivered or given back. */
    private static final class ConfirmingClient extends FakeClientPort {
        final CompletableFuture<String> outcome = new CompletableFuture<>();
        final CountDownLatch handedOut = new CountDownLatch(1);

        @Override
        public Fetched fetch() throws ClientPortException {
            List<String> messages = super.fetch().messages();
            if (messages.isEmpty()) {
                return Fetched.of(messages);
            }
            handedOut.countDown();
            return Fetched.of(messages, () -> outcome.complete("delivered"), () -> outcome.complete("undelivered"));
        }
    }

    @Test
    void aPushTheConnectionNeverTookLeavesItsMessages() throws Exception {
        ConfirmingClient client = new ConfirmingClient();
        StallingFactory factory = new StallingFactory();
        ApiWebSocketServer server = start(client, factory, true);
        try {
            CompletableFuture<String> subscribed = new CompletableFuture<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.getPort() + "/"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            subscribed.complete(data.toString());
                            return null;
                        }
                    })
                    .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            socket.sendText("{\"type\":\"subscribe\"}", true).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            // Only then stall: the push must be the first write that cannot leave.
            assertEquals("{\"type\":\"subscribe\"}", subscribed.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
            factory.requestRead = true; // stalls every write from now on
            client.deliver("pushed into a stalled connection");
            assertTrue(client.handedOut.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "nothing pushed");
            socket.abort(); // the application goes away before the push reached it
            assertEquals("undelivered", client.outcome.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        } finally {
            server.stopQuietly();
        }
    }

    @Test
    void aPeerThatNeverReadsHoldsOneReplyAndIsClosedAtTheRequestLimit() throws Exception {
        StallingFactory factory = new StallingFactory();
        ApiWebSocketServer server = start(new FakeClientPort(), factory);
        try {
            WebSocket socket = connectAndStallAfter(server, factory, "{\"type\":\"ownDetails\"}");
            for (int i = 0; i < RequestQueue.MAX_REQUESTS + 10; i++) {
                socket.sendText("{\"type\":\"ownDetails\"}", true).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
            Instant deadline = Instant.now().plus(DEADLINE);
            while (factory.connection.isOpen()) {
                assertTrue(Instant.now().isBefore(deadline), "still open after " + factory.replies.get() + " replies queued");
                Thread.onSpinWait();
            }
            assertEquals(1, factory.replies.get(), "replies queued for a peer that reads none");
            socket.abort();
        } finally {
            server.stopQuietly();
        }
    }

    private static ApiWebSocketServer start(FakeClientPort client, StallingFactory factory) throws IOException {
        return start(client, factory, false);
    }

    private static ApiWebSocketServer start(FakeClientPort client, StallingFactory factory, boolean pushes)
            throws IOException {
        return ApiWebSocketServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new WebSocketConfig(0, WebSocketConfig.DEFAULT_MAX_FRAME_BYTES, 1),
                new RequestHandler(client, pushes), factory);
    }

    /** Connects, sends {@code request} with the channel armed, and waits until its reply is queued. */
    private static WebSocket connectAndStallAfter(ApiWebSocketServer server, StallingFactory factory, String request)
            throws Exception {
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.getPort() + "/"), new WebSocket.Listener() {})
                .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        factory.arm();
        socket.sendText(request, true).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertTrue(factory.replyQueued.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "no response queued");
        return socket;
    }

    /** Connections whose channel writes nothing once a request was read after arming. */
    private static final class StallingFactory extends ObservingFactory {
        @Override
        int write(SocketChannel channel, ByteBuffer src) throws IOException {
            return requestRead ? 0 : channel.write(src);
        }
    }
}
