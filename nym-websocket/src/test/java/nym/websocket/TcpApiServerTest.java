package nym.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nym.websocket.internal.ErrorCases;

/** The TCP socket API with a plain Java socket: 4-byte big-endian length, then UTF-8 JSON. */
class TcpApiServerTest {
    private static final int MAX_FRAME_BYTES = 4096;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final FakeClientPort client = new FakeClientPort();
    private TcpApiServer server;

    @BeforeEach
    void start() throws IOException {
        server = TcpApiServer.start(new WebSocketConfig(0, MAX_FRAME_BYTES, 4), client);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return socket;
    }

    private static void write(Socket socket, byte[] body) throws IOException {
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    private static String read(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String request(Socket socket, String json) throws IOException {
        write(socket, json.getBytes(StandardCharsets.UTF_8));
        return read(socket);
    }

    @Test
    void answersTheSeedExamplesLikeTheWebSocket() throws IOException {
        try (Socket socket = connect()) {
            for (JsonNode testCase : Fixtures.cases("seed-examples.json")) {
                assertEquals(testCase.get("response").toString(), request(socket, Fixtures.request(testCase)),
                        testCase.get("comment").textValue());
            }
        }
    }

    @Test
    void answersEveryBadRequestAndKeepsTheConnection() throws IOException {
        try (Socket socket = connect()) {
            List<String> failures = new ArrayList<>();
            for (JsonNode testCase : Fixtures.cases("error-cases.json")) {
                String failure = ErrorCases.check(testCase, request(socket, Fixtures.request(testCase)));
                if (failure != null) {
                    failures.add(failure);
                }
            }
            assertEquals(List.of(), failures);
            write(socket, new byte[] {'{', (byte) 0xc3, '}'});
            assertEquals("{\"type\":\"error\",\"message\":\"request is not valid UTF-8\"}", read(socket));
            assertEquals("{\"type\":\"ownDetails\",\"address\":\"" + FakeClientPort.OWN_ADDRESS + "\"}",
                    request(socket, "{\"type\":\"ownDetails\"}"));
        }
    }

    @Test
    void answersALengthOverTheCapWithAnErrorThenCloses() throws IOException {
        try (Socket socket = connect()) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(MAX_FRAME_BYTES + 1);
            out.write(new byte[100]);
            out.flush();
            assertEquals("{\"type\":\"error\",\"message\":\"frame of 4097 bytes is over the maximum of 4096 bytes; "
                    + "closing the connection\"}", read(socket));
            assertEquals(-1, socket.getInputStream().read(), "the server closed the connection");
        }
        try (Socket socket = connect()) {
            assertTrue(request(socket, "{\"type\":\"fetch\"}").startsWith("{\"type\":\"fetch\""), "the server still serves");
        }
    }

    @Test
    void connectionsShareTheOneClient() throws IOException {
        try (Socket alice = connect(); Socket other = connect()) {
            assertEquals("{\"type\":\"send\"}", request(alice, WebSocketApiServerTest.send("hello")));
            assertEquals("{\"type\":\"fetch\",\"messages\":[\"hello\"]}", request(other, "{\"type\":\"fetch\"}"));
        }
    }

    @Test
    void refusesToSubscribeBecauseItOnlyAnswers() throws IOException {
        try (Socket socket = connect()) {
            assertEquals("{\"type\":\"error\",\"message\":\"subscribe works on the WebSocket only: the TCP socket "
                    + "sends nothing but answers\"}", request(socket, WebSocketApiServerTest.SUBSCRIBE));
            client.deliver("still there");
            assertEquals("{\"type\":\"fetch\",\"messages\":[\"still there\"]}", request(socket, "{\"type\":\"fetch\"}"));
        }
    }

    @Test
    void closeEndsOpenConnections() throws IOException {
        try (Socket socket = connect()) {
            request(socket, "{\"type\":\"fetch\"}");
            server.close();
            assertEquals(-1, socket.getInputStream().read());
        }
    }

    @Test
    void logsItsStartLine() throws IOException {
        try (LogCapture log = new LogCapture("nym_client::sockets::tcp");
                TcpApiServer other = TcpApiServer.start(WebSocketConfig.ofPort(0), client)) {
            assertEquals(List.of("INFO Starting socket listener at 127.0.0.1:" + other.port()), log.lines());
        }
    }
}
