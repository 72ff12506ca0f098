package nym.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
        AtomicBoolean raceForced = new AtomicBoolean();
        FakeClientPort client = new FakeClientPort() {
            @Override
            public Fetched fetch() throws ClientPortException {
                raceForced.set(await(selectorHeld));
                return super.fetch();
            }
        };
        HoldingFactory factory = new HoldingFactory(selectorHeld);
        ApiWebSocketServer server = ApiWebSocketServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new WebSocketConfig(0, WebSocketConfig.DEFAULT_MAX_FRAME_BYTES, 1),
                new RequestHandler(client), factory);
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

    /** Connections whose channel holds the selector thread once, as described above. */
    private static final class HoldingFactory extends ObservingFactory {
        private final CountDownLatch selectorHeld;
        private final AtomicBoolean held = new AtomicBoolean();

        HoldingFactory(CountDownLatch selectorHeld) {
            this.selectorHeld = selectorHeld;
        }

        /**
         * Called by the selector thread in {@code doWrite} only when it found the out-queue empty;
         * when this returns false, {@code doWrite} sets the interest to read only. Held until the
         * response is queued.
         */
        @Override
        boolean needsWrite() {
            if (requestRead && held.compareAndSet(false, true)) {
                selectorHeld.countDown();
                await(replyQueued);
            }
            return false;
        }
    }
}
