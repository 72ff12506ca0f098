package nym.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small client of the seed's WebSocket API for Java applications and tools (the demo and the
 * benchmarks use it): one request at a time, each answered by one JSON response, over the JDK's
 * {@code java.net.http.WebSocket}.
 *
 * <p>Not thread-safe: one request at a time.
 */
public final class WebSocketApiClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final BlockingQueue<String> responses;

    private WebSocketApiClient(WebSocket socket, BlockingQueue<String> responses) {
        this.socket = socket;
        this.responses = responses;
    }

    /** Connects to {@code ws://127.0.0.1:PORT/mix}. */
    public static WebSocketApiClient connect(int port, Duration timeout) throws Exception {
        BlockingQueue<String> responses = new LinkedBlockingQueue<>();
        WebSocket.Listener collector = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    responses.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        };
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(timeout)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/mix"), collector)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new WebSocketApiClient(socket, responses);
    }

    /**
     * Sends {@code request} and returns the response.
     *
     * @throws IllegalStateException with the server's message for an error response, or if no
     *     response came within {@code timeout}
     */
    public JsonNode request(ObjectNode request, Duration timeout) throws Exception {
        socket.sendText(JSON.writeValueAsString(request), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        String text = responses.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (text == null) {
            throw new IllegalStateException("no response to " + request.path("type").asText() + " within " + timeout);
        }
        JsonNode response = JSON.readTree(text);
        if ("error".equals(response.path("type").asText())) {
            throw new IllegalStateException(response.path("message").asText());
        }
        return response;
    }

    /** @return a request of the given type */
    public static ObjectNode requestOf(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
