package nym.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.server.DefaultWebSocketServerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nym.websocket.FakeClientPort;
import nym.websocket.WebSocketApiClient;
import nym.websocket.WebSocketConfig;

/**
 * However the server stops, its write check ends and the client no longer holds its arrival
 * listener: either would keep running the stopped server's code and keep it from being collected.
 * Each test stops a server that has a subscribed connection and checks that the server is collected.
 */
class ServerStopTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final FakeClientPort client = new FakeClientPort();
    /** The websocket logger's ERROR lines (System.Logger's ERROR is java.util.logging's SEVERE). */
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Handler errorLines = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel() == java.util.logging.Level.SEVERE) {
                errors.add(record.getMessage());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureErrors() {
        Logger.getLogger(ServerLogs.WEBSOCKET.getName()).addHandler(errorLines);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger(ServerLogs.WEBSOCKET.getName()).removeHandler(errorLines);
    }

    @Test
    void stopQuietly() throws Exception {
        assertCollected(startSubscribeAndStop((server, factory) -> server.stopQuietly()));
    }

    @Test
    void theLibrarysOwnStop() throws Exception {
        assertCollected(startSubscribeAndStop((server, factory) -> server.stop()));
        assertEquals(List.of(), errors, "a stop asked for is no error");
    }

    @Test
    void aFatalErrorInADecodingThreadMakesTheLibraryStopTheServer() throws Exception {
        assertCollected(startSubscribeAndStop((server, factory) -> {
            factory.decodeFails = true;
            factory.lastConnection.sendPing(); // the peer's pong is decoded, and fails
            awaitUntil("the library to stop the server", () -> server.writeCheckStopped());
        }));
        // The client runs on without its API, as after a fatal error on the selector thread.
        assertTrue(errors.stream().anyMatch(line -> line.startsWith("the websocket API stopped after an error")),
                errors.toString());
    }

    @Test
    void aFatalErrorInADecodingThreadWhileThePeerKeepsSending() throws Exception {
        // Pongs keep coming after the failed decode: the selector thread needs buffers that the
        // failed decoding thread, stopping the server, holds on to.
        assertCollected(startSubscribeAndStop((server, factory) -> {
            factory.decodeFails = true;
            for (int ping = 0; ping < 50; ping++) {
                factory.lastConnection.sendPing();
            }
            awaitUntil("the library to stop the server", () -> server.writeCheckStopped());
        }));
    }

    @Test
    void theSelectorThreadEndingWithoutAStop() throws Exception {
        assertCollected(startSubscribeAndStop((server, factory) -> {
            Thread selector = factory.selector;
            selector.interrupt(); // its loop ends, and the library cleans up without calling stop
            selector.join(DEADLINE.toMillis());
        }));
    }

    @Test
    void aFatalErrorOnTheSelectorThread() throws Exception {
        assertCollected(startSubscribeAndStop((server, factory) -> {
            factory.acceptFails = true;
            try (Socket another = new Socket(InetAddress.getLoopbackAddress(), server.getPort())) {
                awaitUntil("the server to stop after the failed accept", () -> server.writeCheckStopped()
                        && client.arrivalListenerCount() == 0);
            }
            // Java-WebSocket 1.6.0 stops the server from that thread, and that stop waits for the
            // thread itself: for ever, if our stop did not bound the wait.
            Thread selector = factory.selector;
            selector.join(DEADLINE.toMillis());
            assertFalse(selector.isAlive(), "the selector thread still runs");
        }));
        // The client runs on without its API: the operator must be told.
        assertTrue(errors.stream().anyMatch(line -> line.startsWith("the websocket API stopped after an error")),
                errors.toString());
    }

    @FunctionalInterface
    private interface Stop {
        void stop(ApiWebSocketServer server, FailingFactory factory) throws Exception;
    }

    /** @return the server, weakly: nothing else of it leaves this method */
    private WeakReference<ApiWebSocketServer> startSubscribeAndStop(Stop stop) throws Exception {
        FailingFactory factory = new FailingFactory();
        ApiWebSocketServer server = ApiWebSocketServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                WebSocketConfig.ofPort(0), new RequestHandler(client, true), factory);
        try (WebSocketApiClient ws = WebSocketApiClient.connect(server.getPort(), DEADLINE)) {
            assertEquals("subscribe", ws.request(WebSocketApiClient.requestOf("subscribe"), DEADLINE).get("type").asText());
            assertEquals(1, client.arrivalListenerCount());
            stop.stop(server, factory);
        }
        awaitUntil("the write check to end", server::writeCheckStopped);
        assertEquals(0, client.arrivalListenerCount(), "the client still tells the stopped server of arrivals");
        return new WeakReference<>(server);
    }

    /** Fails unless the server is collected: then no task, thread or listener holds it. */
    private void assertCollected(WeakReference<ApiWebSocketServer> server) {
        awaitUntil("the stopped server to be collected", () -> {
            System.gc();
            return server.get() == null;
        });
    }

    private static void awaitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what);
            }
            LockSupport.parkNanos(10_000_000); // between checks, not a fixed wait
        }
    }

    /**
     * Java-WebSocket's connections, with the selector thread that accepts them recorded, and a
     * fatal error when told to: decoding (a decoding thread's) or accepting (the selector thread's).
     */
    private static final class FailingFactory extends DefaultWebSocketServerFactory {
        volatile Thread selector;
        volatile WebSocketImpl lastConnection;
        volatile boolean decodeFails;
        volatile boolean acceptFails;

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
            selector = Thread.currentThread();
            lastConnection = new WebSocketImpl(adapter, drafts) {
                @Override
                public void decode(ByteBuffer socketBuffer) {
                    if (decodeFails) {
                        // An Error the library treats as fatal for the whole server (a VirtualMachineError).
                        throw new InternalError("test: fatal error while decoding");
                    }
                    super.decode(socketBuffer);
                }
            };
            return lastConnection;
        }

        @Override
        public SocketChannel wrapChannel(SocketChannel channel, SelectionKey key) {
            if (acceptFails) {
                throw new IllegalStateException("test: fatal error on the selector thread");
            }
            return super.wrapChannel(channel, key);
        }
    }
}
