package nym.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's own WebSocket client, with a queue of received text messages and the close code. Public
 * for the tests of {@code nym.websocket.internal}.
 */
public final class JdkWebSocketClient implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(10);

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    private JdkWebSocketClient(URI uri, String origin) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        this.socket = builder.buildAsync(uri, new Listener()).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    public static JdkWebSocketClient connect(int port, String path) throws Exception {
        return connect(port, path, null);
    }

    /** Connects as a browser page of {@code origin} would (its handshake names the page). */
    static JdkWebSocketClient connect(int port, String path, String origin) throws Exception {
        return new JdkWebSocketClient(URI.create("ws://127.0.0.1:" + port + path), origin);
    }

    /** Sends {@code request} as one text frame and returns the next text message received. */
    public String request(String request) throws Exception {
        send(request);
        return next("no response to " + request);
    }

    public void send(String text) throws Exception {
        socket.sendText(text, true).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    void sendFragment(String text, boolean last) throws Exception {
        socket.sendText(text, last).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    void sendBinary(byte[] bytes) throws Exception {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    /** @return the next text message, waiting up to {@link #DEADLINE} */
    public String next() throws InterruptedException {
        return next("no message");
    }

    private String next(String failure) throws InterruptedException {
        String message = received.poll(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError(failure + " within " + DEADLINE);
        }
        return message;
    }

    /** @return the close code the server sent, waiting up to {@link #DEADLINE} */
    int awaitClose() throws Exception {
        return closeCode.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
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

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
