package nym.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.junit.jupiter.api.Test;

import nym.websocket.ClientPortException;
import nym.websocket.FakeClientPort;
import nym.websocket.Fetched;
import nym.websocket.WebSocketConfig;

/**
 * Messages that one connection could not take reach another: a push or fetch whose frame was not
 * written gives its messages back, and a subscribed connection that cannot write holds none. The
 * client here behaves as the real one: messages handed out are not handed out again until they
 * come back undelivered, and coming back is not an arrival.
 */
class PushRedeliveryTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final String SUBSCRIBE = "{\"type\":\"subscribe\"}";

    /** A client whose undelivered messages return to the front of its buffer, without an arrival. */
    private static final class ReturningClient extends FakeClientPort {
        final CountDownLatch handedOut = new CountDownLatch(1);
        final CountDownLatch undelivered = new CountDownLatch(1);
        private final List<String> returned = new ArrayList<>();
        private volatile CountDownLatch emptyFetch = new CountDownLatch(0);

        @Override
        public synchronized Fetched fetch() throws ClientPortException {
            List<String> messages = new ArrayList<>(returned);
            returned.clear();
            messages.addAll(super.fetch().messages());
            if (messages.isEmpty()) {
                emptyFetch.countDown();
                return Fetched.of(messages);
            }
            handedOut.countDown();
            return Fetched.of(messages, () -> { }, () -> {
                synchronized (this) {
                    returned.addAll(0, messages);
                }
                undelivered.countDown();
            });
        }

        /** @return a latch that opens at the next fetch that finds nothing */
        CountDownLatch nextEmptyFetch() {
            emptyFetch = new CountDownLatch(1);
            return emptyFetch;
        }
    }

    @Test
    void messagesAPushCouldNotWriteArePushedToAnotherSubscriber() throws Exception {
        ReturningClient client = new ReturningClient();
        StallOneFactory factory = new StallOneFactory();
        ApiWebSocketServer server = start(client, factory);
        try {
            Peer a = Peer.connect(server);
            SocketAddress aAddress = factory.connection.getRemoteSocketAddress();
            assertEquals(SUBSCRIBE, a.request(SUBSCRIBE));
            factory.stalled = aAddress; // from now on nothing reaches a
            client.deliver("m");
            assertTrue(client.handedOut.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "nothing pushed to a");

            Peer b = Peer.connect(server);
            CountDownLatch bFoundNothing = client.nextEmptyFetch();
            assertEquals(SUBSCRIBE, b.request(SUBSCRIBE));
            assertTrue(bFoundNothing.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "b's first push did not run");

            a.socket.abort(); // a's push is never written: "m" goes back to the buffer
            assertTrue(client.undelivered.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "a's push not given back");
            assertEquals("{\"type\":\"received\",\"messages\":[\"m\"]}", b.next(),
                    "b is subscribed and \"m\" waits in the buffer: it must be pushed without another arrival");
            b.socket.abort();
        } finally {
            server.stopQuietly();
        }
    }

    @Test
    void aSubscriberThatCannotWriteDoesNotTakeMessagesFromOthers() throws Exception {
        ReturningClient client = new ReturningClient();
        StallOneFactory factory = new StallOneFactory();
        ApiWebSocketServer server = start(client, factory);
        try {
            Peer a = Peer.connect(server);
            SocketAddress aAddress = factory.connection.getRemoteSocketAddress();
            assertEquals(SUBSCRIBE, a.request(SUBSCRIBE));
            factory.stalled = aAddress;
            factory.arm();
            a.send("{\"type\":\"ownDetails\"}");
            assertTrue(factory.replyQueued.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "no answer queued");
            // The answer stays in a's out-queue.
            factory.waitingForWrite = new CountDownLatch(1);
            client.deliver("m");
            // a's push is now on a's request thread, waiting for a's out-queue to drain.
            assertTrue(factory.waitingForWrite.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "a's push did not run");

            Peer b = Peer.connect(server);
            assertEquals("{\"type\":\"fetch\",\"messages\":[\"m\"]}", b.request("{\"type\":\"fetch\"}"),
                    "a connection that has not taken its last frame holds a message another connection fetches");
            b.socket.abort();
            a.socket.abort();
        } finally {
            server.stopQuietly();
        }
    }

    private static ApiWebSocketServer start(FakeClientPort client, StallOneFactory factory) throws IOException {
        return ApiWebSocketServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new WebSocketConfig(0, WebSocketConfig.DEFAULT_MAX_FRAME_BYTES, 4),
                new RequestHandler(client, true), factory);
    }

    /**
     * Connections whose channel writes nothing to the peer at {@link #stalled}; once
     * {@link #waitingForWrite} is set, it opens when a request thread finds that peer's out-queue
     * not empty. Replies are counted as {@link ObservingFactory} counts them.
     */
    private static final class StallOneFactory extends ObservingFactory {
        volatile SocketAddress stalled;
        volatile CountDownLatch waitingForWrite;

        @Override
        int write(SocketChannel channel, ByteBuffer src) throws IOException {
            SocketAddress peer = stalled;
            return peer != null && peer.equals(channel.getRemoteAddress()) ? 0 : channel.write(src);
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
            connection = new WebSocketImpl(adapter, drafts) {
                @Override
                public void send(String text) {
                    super.send(text);
                    if (requestRead) {
                        replies.incrementAndGet();
                        replyQueued.countDown();
                    }
                }

                @Override
                public boolean hasBufferedData() {
                    boolean buffered = super.hasBufferedData();
                    CountDownLatch latch = waitingForWrite;
                    if (buffered && latch != null && getRemoteSocketAddress().equals(stalled)
                            && Thread.currentThread().getName().startsWith("ws-requests-")) {
                        latch.countDown();
                    }
                    return buffered;
                }
            };
            return connection;
        }
    }

    /** The JDK's WebSocket client, reading every text frame into a queue. */
    private static final class Peer {
        final WebSocket socket;
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        private Peer(ApiWebSocketServer server) throws Exception {
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.getPort() + "/"), new WebSocket.Listener() {
                        private final StringBuilder partial = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                received.add(partial.toString());
                                partial.setLength(0);
                            }
                            webSocket.request(1);
                            return null;
                        }
                    })
                    .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }

        static Peer connect(ApiWebSocketServer server) throws Exception {
            return new Peer(server);
        }

        void send(String text) throws Exception {
            socket.sendText(text, true).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }

        String request(String text) throws Exception {
            send(text);
            return next();
        }

        String next() throws InterruptedException {
            String message = received.poll(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + DEADLINE);
            }
            return message;
        }
    }
}
