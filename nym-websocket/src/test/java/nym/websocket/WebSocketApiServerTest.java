package nym.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import nym.websocket.internal.ErrorCases;

/** The WebSocket API against the JDK's own client ({@code java.net.http.WebSocket}) on port 0. */
class WebSocketApiServerTest {
    private static final String FETCH = "{\"type\":\"fetch\"}";
    static final String SUBSCRIBE = "{\"type\":\"subscribe\"}";
    private static final String SUBSCRIBE_RESPONSE = "{\"type\":\"subscribe\"}";
    private static final String OWN_DETAILS_RESPONSE =
            "{\"type\":\"ownDetails\",\"address\":\"" + FakeClientPort.OWN_ADDRESS + "\"}";

    private final FakeClientPort client = new FakeClientPort();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private WebSocketApiServer start(WebSocketConfig config) throws IOException {
        WebSocketApiServer server = WebSocketApiServer.start(config, client);
        toClose.add(server);
        return server;
    }

    private JdkWebSocketClient connect(WebSocketApiServer server, String path) throws Exception {
        JdkWebSocketClient connection = JdkWebSocketClient.connect(server.port(), path);
        toClose.add(connection);
        return connection;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
    }

    @Test
    void answersTheSeedExamplesOnTheSeedsPath() throws Exception {
        JdkWebSocketClient ws = connect(start(WebSocketConfig.ofPort(0)), "/mix");
        for (JsonNode testCase : Fixtures.cases("seed-examples.json")) {
            assertEquals(testCase.get("response").toString(), ws.request(Fixtures.request(testCase)),
                    testCase.get("comment").textValue());
        }
    }

    @Test
    void answersEveryBadRequestAndKeepsTheConnection() throws Exception {
        JdkWebSocketClient ws = connect(start(WebSocketConfig.ofPort(0)), "/mix");
        List<String> failures = new ArrayList<>();
        for (JsonNode testCase : Fixtures.cases("error-cases.json")) {
            String request = Fixtures.request(testCase);
            if (request.isEmpty()) {
                continue; // the JDK client sends an empty text frame fine, but assert it separately below
            }
            String failure = ErrorCases.check(testCase, ws.request(request));
            if (failure != null) {
                failures.add(failure);
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(ws.request("").startsWith("{\"type\":\"error\",\"message\":\"empty request"));
        assertEquals(OWN_DETAILS_RESPONSE, ws.request("{\"type\":\"ownDetails\"}"));
    }

    @Test
    void answersABinaryFrameWithAnErrorAndKeepsWorking() throws Exception {
        JdkWebSocketClient ws = connect(start(WebSocketConfig.ofPort(0)), "/mix");
        ws.sendBinary(FETCH.getBytes());
        assertEquals("{\"type\":\"error\",\"message\":\"binary frames are not supported: send text JSON\"}", ws.next());
        assertEquals(OWN_DETAILS_RESPONSE, ws.request("{\"type\":\"ownDetails\"}"));
    }

    @Test
    void acceptsAnyPath() throws Exception {
        WebSocketApiServer server = start(WebSocketConfig.ofPort(0));
        for (String path : List.of("/", "/mix", "/some/other/path?x=1")) {
            assertEquals(OWN_DETAILS_RESPONSE, connect(server, path).request("{\"type\":\"ownDetails\"}"), path);
        }
    }

    @Test
    void answersPipelinedRequestsInOrder() throws Exception {
        JdkWebSocketClient ws = connect(start(WebSocketConfig.ofPort(0)), "/mix");
        for (int i = 0; i < 100; i++) {
            ws.send(i % 2 == 0 ? send("m" + i) : FETCH);
        }
        for (int i = 0; i < 100; i++) {
            String expected = i % 2 == 0 ? "{\"type\":\"send\"}" : "{\"type\":\"fetch\",\"messages\":[\"m" + (i - 1) + "\"]}";
            assertEquals(expected, ws.next(), "response " + i);
        }
    }

    @Test
    void connectionsShareTheOneClient() throws Exception {
        WebSocketApiServer server = start(WebSocketConfig.ofPort(0));
        List<JdkWebSocketClient> connections = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            connections.add(connect(server, "/mix"));
        }
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = new ArrayList<>();
            for (int c = 0; c < connections.size(); c++) {
                JdkWebSocketClient ws = connections.get(c);
                String prefix = "c" + c + "-";
                sent.add(senders.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        assertEquals("{\"type\":\"send\"}", ws.request(send(prefix + i)), "response to " + prefix + i);
                    }
                    return null;
                }));
            }
            for (Future<?> sender : sent) {
                awaitSender(sender);
            }
        }
        assertEquals(100, client.sent().size());
        JsonNode fetched = Fixtures.parse(connections.getFirst().request(FETCH)).get("messages");
        assertEquals(100, fetched.size(), "one connection fetches what all of them sent: one buffer");
        assertEquals("{\"type\":\"fetch\",\"messages\":[]}", connections.getLast().request(FETCH));
    }

    @Test
    void aMessageWithASurbIsFetchedWithItAndCanBeAnswered() throws Exception {
        JdkWebSocketClient ws = connect(start(WebSocketConfig.ofPort(0)), "/mix");
        assertEquals("{\"type\":\"send\"}", ws.request(send("plain")));
        assertEquals("{\"type\":\"send\"}", ws.request("{\"type\":\"send\",\"message\":\"answer me\","
                + "\"recipient_address\":\"" + FakeClientPort.OWN_ADDRESS + "\",\"with_reply_surb\":true}"));
        String surb = java.util.Base64.getEncoder().encodeToString("SURB-1".getBytes());
        assertEquals("{\"type\":\"fetch\",\"messages\":[\"plain\",\"answer me\"],\"reply_surbs\":[null,\"" + surb + "\"]}",
                ws.request(FETCH));
        assertEquals("{\"type\":\"reply\"}",
                ws.request("{\"type\":\"reply\",\"message\":\"here\",\"reply_surb\":\"" + surb + "\"}"));
        assertEquals(List.of(new FakeClientPort.Sent(surb, "here")), client.replies());
        assertEquals("{\"type\":\"fetch\",\"messages\":[]}", ws.request(FETCH), "no reply_surbs without SURBs");

        assertEquals(SUBSCRIBE_RESPONSE, ws.request(SUBSCRIBE));
        ws.send("{\"type\":\"send\",\"message\":\"pushed\",\"recipient_address\":\"" + FakeClientPort.OWN_ADDRESS
                + "\",\"with_reply_surb\":true}");
        String second = java.util.Base64.getEncoder().encodeToString("SURB-2".getBytes());
        List<String> frames = List.of(ws.next(), ws.next());
        assertTrue(frames.contains("{\"type\":\"received\",\"messages\":[\"pushed\"],\"reply_surbs\":[\"" + second + "\"]}"),
                frames.toString());
    }

    @Test
    void aSubscribedConnectionIsPushedWhatWaitedAndWhatArrives() throws Exception {
        client.deliver("waited");
        JdkWebSocketClient ws = connect(start(WebSocketConfig.ofPort(0)), "/mix");
        assertEquals(SUBSCRIBE_RESPONSE, ws.request(SUBSCRIBE));
        assertEquals("{\"type\":\"received\",\"messages\":[\"waited\"]}", ws.next());
        client.deliver("arrived");
        assertEquals("{\"type\":\"received\",\"messages\":[\"arrived\"]}", ws.next());
        assertEquals("{\"type\":\"fetch\",\"messages\":[]}", ws.request(FETCH), "pushed messages are gone");
    }

    @Test
    void aBufferLargerThanOneFetchIsPushedWhole() throws Exception {
        client.limitFetch(2);
        for (int i = 0; i < 7; i++) {
            client.deliver("w" + i);
        }
        JdkWebSocketClient ws = connect(start(WebSocketConfig.ofPort(0)), "/mix");
        assertEquals(SUBSCRIBE_RESPONSE, ws.request(SUBSCRIBE));
        assertEquals("{\"type\":\"received\",\"messages\":[\"w0\",\"w1\"]}", ws.next());
        assertEquals("{\"type\":\"received\",\"messages\":[\"w2\",\"w3\"]}", ws.next());
        assertEquals("{\"type\":\"received\",\"messages\":[\"w4\",\"w5\"]}", ws.next());
        assertEquals("{\"type\":\"received\",\"messages\":[\"w6\"]}", ws.next());
        assertEquals("{\"type\":\"fetch\",\"messages\":[]}", ws.request(FETCH));
    }

    @Test
    void onlyConnectionsThatSubscribeArePushed() throws Exception {
        WebSocketApiServer server = start(WebSocketConfig.ofPort(0));
        JdkWebSocketClient seedOnly = connect(server, "/mix");
        JdkWebSocketClient subscriber = connect(server, "/mix");
        assertEquals(OWN_DETAILS_RESPONSE, seedOnly.request("{\"type\":\"ownDetails\"}"));
        assertEquals(SUBSCRIBE_RESPONSE, subscriber.request(SUBSCRIBE));
        for (int i = 0; i < 20; i++) {
            client.deliver("m" + i);
        }
        List<String> pushed = new ArrayList<>();
        while (pushed.size() < 20) {
            JsonNode push = Fixtures.parse(subscriber.next());
            assertEquals("received", push.get("type").textValue());
            push.get("messages").forEach(message -> pushed.add(message.textValue()));
        }
        assertEquals(IntStream.range(0, 20).mapToObj(i -> "m" + i).toList(), pushed, "each once, in order");
        // The seed-only connection got nothing unasked: its next frame is the answer to its request.
        assertEquals(OWN_DETAILS_RESPONSE, seedOnly.request("{\"type\":\"ownDetails\"}"));
    }

    @Test
    void responsesKeepTheirOrderBetweenPushes() throws Exception {
        JdkWebSocketClient ws = connect(start(WebSocketConfig.ofPort(0)), "/mix");
        assertEquals(SUBSCRIBE_RESPONSE, ws.request(SUBSCRIBE));
        for (int i = 0; i < 50; i++) {
            ws.send(send("m" + i)); // sent to the fake's own address: each arrives at once, and is pushed
        }
        int responses = 0;
        int pushed = 0;
        while (responses < 50 || pushed < 50) {
            JsonNode frame = Fixtures.parse(ws.next());
            switch (frame.get("type").textValue()) {
                case "send" -> responses++;
                case "received" -> pushed += frame.get("messages").size();
                default -> throw new AssertionError("unexpected frame " + frame);
            }
        }
        assertEquals(50, responses);
        assertEquals(50, pushed);
        assertEquals(OWN_DETAILS_RESPONSE, ws.request("{\"type\":\"ownDetails\"}"));
    }

    @Test
    void closesAFrameOverTheLimitWith1009AndKeepsServing() throws Exception {
        WebSocketApiServer server = start(new WebSocketConfig(0, 4096, 4));
        JdkWebSocketClient big = connect(server, "/mix");
        big.send(send("x".repeat(5000)));
        assertEquals(1009, big.awaitClose());
        assertEquals(OWN_DETAILS_RESPONSE, connect(server, "/mix").request("{\"type\":\"ownDetails\"}"));
        assertEquals(List.of(), client.sent());
    }

    @Test
    void countsAFragmentedMessageAsAWhole() throws Exception {
        WebSocketApiServer server = start(new WebSocketConfig(0, 4096, 4));
        JdkWebSocketClient ws = connect(server, "/mix");
        ws.sendFragment("{\"type\":", false);
        ws.sendFragment("\"fetch\"}", true);
        assertEquals("{\"type\":\"fetch\",\"messages\":[]}", ws.next(), "small fragments are joined");
        ws.sendFragment("{\"type\":\"send\",\"message\":\"" + "x".repeat(3000), false);
        ws.sendFragment("x".repeat(3000), false);
        assertEquals(1009, ws.awaitClose(), "fragments of 3000 + 3000 bytes are over 4096");
    }

    @Test
    void refusesConnectionsOverTheLimit() throws Exception {
        WebSocketApiServer server = start(new WebSocketConfig(0, WebSocketConfig.DEFAULT_MAX_FRAME_BYTES, 1));
        connect(server, "/mix").request(FETCH);
        assertThrows(ExecutionException.class, () -> JdkWebSocketClient.connect(server.port(), "/mix"));
    }

    @Test
    void aPageOfAnotherSiteIsRefusedAndLogged() throws Exception {
        try (LogCapture log = new LogCapture("nym_client::sockets::ws")) {
            WebSocketApiServer server = start(WebSocketConfig.ofPort(0));
            // What a browser sends when a site the user visits opens ws://127.0.0.1:9001.
            assertThrows(ExecutionException.class,
                    () -> JdkWebSocketClient.connect(server.port(), "/mix", "https://evil.example"));
            assertThrows(ExecutionException.class, () -> JdkWebSocketClient.connect(server.port(), "/mix", "null"));
            assertTrue(log.lines().contains("WARNING Refused connection from a page of https://evil.example: only pages "
                    + "served from this machine are let in (to let this one in: nym-client run --allow-origin "
                    + "https://evil.example)"), log.lines().toString());
        }
    }

    @Test
    void pagesOfThisMachineAndAllowedOriginsAreServed() throws Exception {
        WebSocketApiServer server = start(WebSocketConfig.ofPort(0).withAllowedOrigins(List.of("null")));
        for (String origin : List.of("http://localhost:5173", "http://127.0.0.1:8080", "file://", "null")) {
            JdkWebSocketClient page = JdkWebSocketClient.connect(server.port(), "/mix", origin);
            toClose.add(page);
            assertEquals(OWN_DETAILS_RESPONSE, page.request("{\"type\":\"ownDetails\"}"), origin);
        }
    }

    @Test
    void logsTheSeedsStartLine() throws Exception {
        try (LogCapture log = new LogCapture("nym_client::sockets::ws")) {
            WebSocketApiServer server = start(WebSocketConfig.ofPort(0));
            assertEquals(List.of("INFO Starting websocket listener at 127.0.0.1:" + server.port()), log.lines());
        }
    }

    @Test
    void closeEndsConnectionsWithGoingAway() throws Exception {
        WebSocketApiServer server = start(WebSocketConfig.ofPort(0));
        JdkWebSocketClient ws = connect(server, "/mix");
        ws.request(FETCH);
        server.close();
        assertEquals(1001, ws.awaitClose());
        server.close();
    }

    @Test
    void reportsAPortInUse() throws Exception {
        WebSocketApiServer server = start(WebSocketConfig.ofPort(0));
        IOException e = assertThrows(IOException.class, () -> start(WebSocketConfig.ofPort(server.port())));
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
    }

    @Test
    void aServerThatStoppedOrNeverStartedLeavesNoListenerWithTheClient() throws Exception {
        WebSocketApiServer server = start(WebSocketConfig.ofPort(0));
        assertEquals(1, client.arrivalListenerCount());
        assertThrows(IOException.class, () -> start(WebSocketConfig.ofPort(server.port())));
        assertEquals(1, client.arrivalListenerCount(), "a server that could not listen keeps being told of arrivals");
        server.close();
        assertEquals(0, client.arrivalListenerCount(), "a closed server keeps being told of arrivals");
    }

    /**
     * Waits for {@code sender}, which each request's own deadline bounds, and fails with what failed
     * it, so a request without a response fails the test by name rather than as a short count.
     */
    private static void awaitSender(Future<?> sender) throws InterruptedException {
        try {
            sender.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw new AssertionError(e.getCause());
        }
    }

    static String send(String message) {
        return "{\"type\":\"send\",\"message\":\"" + message + "\",\"recipient_address\":\"" + FakeClientPort.OWN_ADDRESS + "\"}";
    }
}
