package nym.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.java_websocket.WebSocketImpl;
import org.junit.jupiter.api.Test;

import nym.websocket.ClientPortException;
import nym.websocket.FakeClientPort;
import nym.websocket.Fetched;
import nym.websocket.JdkWebSocketClient;
import nym.websocket.WebSocketConfig;

/**
 * Messages that one connection could not take reach another: a push or fetch whose frame was not
 * written gives its messages back, and a subscribed connection that cannot write holds none. The
 * client here behaves as the real one: messages handed out are not handed out again until they
 * come back undelivered, and then it reports them as an arrival.
 */
class PushRedeliveryTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final String SUBSCRIBE = "{\"type\":\"subscribe\"}";

    /**
     * A client whose undelivered messages return to the front of its buffer, which it reports as an
     * arrival, as the real client does.
     */
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
                announceArrival();
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
            JdkWebSocketClient a = subscribeThenStall(server, factory);
            client.deliver("m");
            assertTrue(client.handedOut.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "nothing pushed to a");

            JdkWebSocketClient b = JdkWebSocketClient.connect(server.getPort(), "/");
            CountDownLatch bFoundNothing = client.nextEmptyFetch();
            assertEquals(SUBSCRIBE, b.request(SUBSCRIBE));
            assertTrue(bFoundNothing.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "b's first push did not run");

            a.close(); // a's push is never written: "m" goes back to the buffer
            assertTrue(client.undelivered.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "a's push not given back");
            assertEquals("{\"type\":\"received\",\"messages\":[\"m\"]}", b.next(),
                    "b is subscribed and \"m\" waits in the buffer: it must be pushed without another arrival");
            b.close();
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
            JdkWebSocketClient a = subscribeThenStall(server, factory);
            factory.arm();
            a.send("{\"type\":\"ownDetails\"}");
            assertTrue(factory.replyQueued.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "no answer queued");
            // The answer stays in a's out-queue.
            assertTrue(factory.connection.hasBufferedData(), "a's answer is not waiting in its out-queue");
            factory.waitingForWrite = new CountDownLatch(1);
            client.deliver("m");
            // a's push is now on a's request thread, waiting for a's out-queue to drain.
            assertTrue(factory.waitingForWrite.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "a's push did not run");

            JdkWebSocketClient b = JdkWebSocketClient.connect(server.getPort(), "/");
            assertEquals("{\"type\":\"fetch\",\"messages\":[\"m\"]}", b.request("{\"type\":\"fetch\"}"),
                    "a connection that has not taken its last frame holds a message another connection fetches");
            b.close();
            a.close();
        } finally {
            server.stopQuietly();
        }
    }

    /** Connects a subscriber, then lets nothing more reach it. */
    private static JdkWebSocketClient subscribeThenStall(ApiWebSocketServer server, StallOneFactory factory)
            throws Exception {
        JdkWebSocketClient a = JdkWebSocketClient.connect(server.getPort(), "/");
        SocketAddress address = factory.connection.getRemoteSocketAddress();
        assertEquals(SUBSCRIBE, a.request(SUBSCRIBE));
        factory.stalled = address;
        return a;
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
        void bufferedDataAsked(WebSocketImpl conn, boolean buffered) {
            CountDownLatch latch = waitingForWrite;
            if (buffered && latch != null && conn.getRemoteSocketAddress().equals(stalled)
                    && Thread.currentThread().getName().startsWith("ws-requests-")) {
                latch.countDown();
            }
        }
    }
}
