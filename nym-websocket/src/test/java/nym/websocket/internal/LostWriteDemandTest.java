package nym.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.server.DefaultWebSocketServerFactory;
import org.junit.jupiter.api.Test;

import nym.websocket.ClientPortException;
import nym.websocket.FakeClientPort;
import nym.websocket.Fetched;
import nym.websocket.WebSocketApiClient;
import nym.websocket.WebSocketConfig;

/**
 * The race in which Java-WebSocket's selector overwrites a write demand (see
 * {@link ApiWebSocketServer}), made to happen every time. The selector thread reads a request and,
 * in the same pass, runs {@code doWrite} for that connection (its key still carries the write
 * readiness of the handshake's response) and finds the out-queue empty; there it is held while the
 * request thread, held until then, sends the response; then it sets the interest to read only.
 */
class LostWriteDemandTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Test
    void aResponseWhoseWriteDemandTheSelectorOverwroteIsStillSent() throws Exception {
        CountDownLatch selectorHeld = new CountDownLatch(1);
        CountDownLatch responseSent = new CountDownLatch(1);
        AtomicBoolean raceForced = new AtomicBoolean();
        FakeClientPort client = new FakeClientPort() {
            @Override
            public Fetched fetch() throws ClientPortException {
                raceForced.set(await(selectorHeld));
                return super.fetch();
            }
        };
        HoldingFactory factory = new HoldingFactory(selectorHeld, responseSent);
        ApiWebSocketServer server = ApiWebSocketServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                WebSocketConfig.DEFAULT_MAX_FRAME_BYTES, 1, List.of(), new RequestHandler(client), factory);
        try (WebSocketApiClient ws = WebSocketApiClient.connect(server.getPort(), DEADLINE)) {
            factory.arm();
            String response = ws.request(WebSocketApiClient.requestOf("fetch"), DEADLINE).toString();
            assertTrue(raceForced.get(), "the selector thread did not reach doWrite with an empty out-queue "
                    + "between reading the request and the response: the race was not forced");
            assertEquals("{\"type\":\"fetch\",\"messages\":[]}", response);
        } finally {
            server.stopQuietly();
        }
    }

    /** @return whether {@code latch} reached zero within {@link #DEADLINE} */
    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The library's connections over a channel that holds the selector thread once, as described above. */
    private static final class HoldingFactory implements WebSocketServerFactory {
        private final DefaultWebSocketServerFactory library = new DefaultWebSocketServerFactory();
        private final CountDownLatch selectorHeld;
        private final CountDownLatch responseSent;
        private final AtomicBoolean held = new AtomicBoolean();
        private volatile boolean armed;
        private volatile boolean requestRead;

        HoldingFactory(CountDownLatch selectorHeld, CountDownLatch responseSent) {
            this.selectorHeld = selectorHeld;
            this.responseSent = responseSent;
        }

        /** From now on, bytes read are the request. */
        void arm() {
            armed = true;
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
            return new SignallingWebSocket(adapter, List.of(draft));
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
            return new SignallingWebSocket(adapter, drafts);
        }

        /** Counts {@code responseSent} down once the response is queued: the selector may then go on. */
        private final class SignallingWebSocket extends WebSocketImpl {
            SignallingWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
                super(adapter, drafts);
            }

            @Override
            public void send(String text) {
                super.send(text);
                if (requestRead) {
                    responseSent.countDown();
                }
            }
        }

        @Override
        public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
            return new HoldingChannel(channel);
        }

        @Override
        public void close() {
            library.close();
        }

        private final class HoldingChannel extends PassThroughChannel {
            HoldingChannel(SocketChannel channel) {
                super(channel);
            }

            @Override
            public int read(ByteBuffer dst) throws IOException {
                int read = super.read(dst);
                if (read > 0 && armed) {
                    requestRead = true;
                }
                return read;
            }

            /**
             * Called by the selector thread in {@code doWrite} only when it found the out-queue
             * empty; when this returns false, {@code doWrite} sets the interest to read only.
             */
            @Override
            public boolean isNeedWrite() {
                if (requestRead && held.compareAndSet(false, true)) {
                    selectorHeld.countDown();
                    await(responseSent);
                }
                return false;
            }
        }
    }
}
