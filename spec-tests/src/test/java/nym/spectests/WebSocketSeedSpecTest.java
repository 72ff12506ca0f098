package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nym.crypto.keys.KeyPem;
import nym.crypto.keys.X25519KeyPair;

/**
 * The seed's WebSocket API ("Using the websocket") between two real clients, alice and bob, on a
 * {@code nym-testnet}, driven by the seed's TypeScript examples under Node.js with the {@code ws}
 * package. Both clients run with near-zero delays written into their config.toml, so the messages
 * arriving also show that the [debug] section is read.
 */
class WebSocketSeedSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private static Path root;
    private static Testnet testnet;
    private static Clients.Running alice;
    private static Clients.Running bob;
    private static String bobAddress;

    @BeforeAll
    static void startTwoClients() throws Exception {
        SeedScript.install();
        root = Files.createTempDirectory("nym-websocket-spec");
        testnet = Testnet.start(root);
        Path home = Files.createDirectories(root.resolve("clients"));
        for (String id : List.of("alice", "bob")) {
            Clients.init(home, id, testnet.directory());
            Clients.setDebug(home, id, Clients.FAST);
        }
        alice = Clients.run(home, "alice");
        bob = Clients.run(home, "bob");
        bobAddress = SeedScript.request(bob.url(), "ownDetails").path("address").asText();
        assertEquals(KeyPem.readX25519Public(Clients.clientDir(home, "bob").resolve("data/public_identity.pem")).toBase58(),
                bobAddress, "ownDetails is the base58 of the public key init wrote");
    }

    @AfterAll
    static void stopEverything() {
        for (AutoCloseable process : new AutoCloseable[] {alice, bob, testnet}) {
            try {
                if (process != null) {
                    process.close();
                }
            } catch (Exception e) {
                // keep stopping the others
            }
        }
    }

    /**
     * A browser opens ws://localhost:9001 from the loopback address for any page the user visits;
     * the client lets in only pages of this machine, and the origins given with --allow-origin.
     */
    @Test
    void aPageOfAnotherSiteIsRefusedUnlessItsOriginIsAllowed() throws Exception {
        assertFalse(opensWebSocket(alice.port(), "https://app.example"), "a page of another site");
        assertTrue(opensWebSocket(alice.port(), "http://localhost:8000"), "a page served from this machine");
        Path home = root.resolve("clients");
        Clients.init(home, "carol", testnet.directory());
        try (Clients.Running carol = Clients.run(home, "carol", "--allow-origin", "https://app.example")) {
            assertTrue(opensWebSocket(carol.port(), "https://app.example"), "an allowed origin");
            assertFalse(opensWebSocket(carol.port(), "https://evil.example"), "any other site");
        }
    }

    private static boolean opensWebSocket(int port, String origin) throws Exception {
        try {
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", origin)
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/mix"), new WebSocket.Listener() {})
                    .get(10, TimeUnit.SECONDS);
            socket.abort();
            return true;
        } catch (ExecutionException e) {
            return false;
        }
    }

    @Test
    void aliceSendsToBobAndBobsFetchReturnsIt() throws Exception {
        SeedScript.Result sent = SeedScript.run(alice.url(), "send", bobAddress, writeTemp("foo").toString());
        assertEquals(List.of("received send confirmation", "{\"type\":\"send\"}"), sent.stdout(), sent.output());
        assertEquals(List.of("foo"), SeedScript.fetchUntil(bob.url(), 1, DELIVERY));
        JsonNode again = SeedScript.request(bob.url(), "fetch");
        assertEquals("{\"type\":\"fetch\",\"messages\":[]}", again.toString(), "a fetch takes the messages");
    }

    /**
     * Not the seed's API but its extension: bob subscribes, and alice's message is pushed to him as
     * it arrives, without a fetch; afterwards a fetch no longer returns it.
     */
    @Test
    void aSubscribedConnectionIsPushedTheMessageWithoutFetching() throws Exception {
        String message = "pushed to bob " + System.nanoTime();
        SeedScript.Result result = SeedScript.run(bob.url(), "subscribe", writeTemp(message).toString(), alice.url(),
                bobAddress);
        assertEquals(0, result.exit(), result.output());
        List<String> frames = result.stdout();
        assertEquals("{\"type\":\"subscribe\"}", frames.getFirst(), result.output());
        assertTrue(frames.contains("{\"type\":\"send\"}"), "alice's send was accepted\n" + result.output());
        JsonNode push = result.response();
        assertEquals("received", push.path("type").asText(), result.output());
        assertTrue(push.path("messages").toString().contains(message), result.output());
        JsonNode fetched = SeedScript.request(bob.url(), "fetch");
        assertFalse(fetched.path("messages").toString().contains(message), "a pushed message is not fetched again: "
                + fetched);
    }

    /**
     * Not the seed's API but its extension: alice attaches a SURB, bob answers through it without
     * learning alice's address, and alice's client undoes the reply's layers with the SURB's keys.
     */
    @Test
    void bobAnswersAliceThroughTheSurbSheAttached() throws Exception {
        ObjectNode send = JSON.createObjectNode().put("type", "send").put("message", "reply to me, anonymously")
                .put("recipient_address", bobAddress).put("with_reply_surb", true);
        assertEquals("{\"type\":\"send\"}", SeedScript.raw(alice.url(), send).toString());

        List<JsonNode> fetched = new ArrayList<>();
        Image.await("alice's message with its SURB at bob", DELIVERY, () -> {
            try {
                JsonNode response = SeedScript.request(bob.url(), "fetch");
                if (response.path("messages").size() > 0) {
                    fetched.add(response);
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return !fetched.isEmpty();
        });
        JsonNode atBob = fetched.getFirst();
        assertEquals("[\"reply to me, anonymously\"]", atBob.path("messages").toString(), atBob.toString());
        String surb = atBob.path("reply_surbs").path(0).asText();
        assertEquals(Base64.getDecoder().decode(surb).length, 572, "one encoded SURB: " + atBob);
        String aliceAddress = SeedScript.request(alice.url(), "ownDetails").path("address").asText();
        assertFalse(atBob.toString().contains(aliceAddress), "bob does not learn alice's address");

        ObjectNode reply = JSON.createObjectNode().put("type", "reply").put("message", "here you are, whoever you are")
                .put("reply_surb", surb);
        assertEquals("{\"type\":\"reply\"}", SeedScript.raw(bob.url(), reply).toString());
        assertEquals(List.of("here you are, whoever you are"), SeedScript.fetchUntil(alice.url(), 1, DELIVERY));

        JsonNode malformed = SeedScript.raw(bob.url(), reply.put("reply_surb", "bm90IGEgU1VSQg=="));
        assertEquals("error", malformed.path("type").asText(), malformed.toString());
        assertTrue(malformed.path("message").asText().startsWith("malformed reply_surb"), malformed.toString());
    }

    @Test
    void aHundredKibibyteMessageCrossesIntact() throws Exception {
        StringBuilder text = new StringBuilder();
        SecureRandom random = new SecureRandom();
        String alphabet = "abcdefghijklmnopqrstuvwxyzäöü€漢字 0123456789";
        while (text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 100 * 1024) {
            for (int i = 0; i < 1024; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        String message = text.toString();
        assertEquals("send", SeedScript.send(alice.url(), bobAddress, message).path("type").asText());
        List<String> fetched = SeedScript.fetchUntil(bob.url(), 1, DELIVERY);
        assertEquals(1, fetched.size());
        assertTrue(message.equals(fetched.get(0)), "the message arrived changed: " + fetched.get(0).length()
                + " of " + message.length() + " characters");
    }

    /**
     * Both clients send at once, and both receive by push: every message arrives once and intact,
     * whatever its size, with the payloads of many messages mixed in the same pulls.
     */
    @Test
    void fortyMessagesOfMixedSizesEachWayArriveOnceAndIntact() throws Exception {
        SeedScript.Result result = SeedScript.runScript(Duration.ofMinutes(2), "mixed-exchange.mjs",
                alice.url(), bob.url(), "40");
        JsonNode outcome = result.response();
        assertEquals(80, outcome.path("sent").asInt(), outcome.toString());
        assertEquals(0, outcome.path("refused").asInt(), outcome.toString());
        assertEquals(0, outcome.path("missing").size(), outcome.toString());
        assertEquals(0, outcome.path("corrupt").asInt(), outcome.toString());
        assertEquals(0, outcome.path("duplicated").asInt(), outcome.toString());
    }

    @Test
    void aBinaryFrameAndAMalformedRequestGetErrorsAndTheConnectionKeepsWorking() throws Exception {
        SeedScript.Result result = SeedScript.run(alice.url(), "rules");
        assertEquals(0, result.exit(), result.output());
        List<String> lines = result.stdout();
        assertEquals(3, lines.size(), result.output());
        assertEquals("{\"type\":\"error\",\"message\":\"binary frames are not supported: send text JSON\"}", lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"type\":\"error\",\"message\":\"malformed JSON: "), lines.get(1));
        String aliceAddress = KeyPem.readX25519Public(Clients.clientDir(root.resolve("clients"), "alice")
                .resolve("data/public_identity.pem")).toBase58();
        assertEquals("{\"type\":\"ownDetails\",\"address\":\"" + aliceAddress + "\"}", lines.get(2));
    }

    @Test
    void getClientsListsBoth() throws Exception {
        String aliceAddress = SeedScript.request(alice.url(), "ownDetails").path("address").asText();
        List<String> clients = new ArrayList<>();
        Image.await("alice and bob in getClients", DELIVERY, () -> {
            try {
                JsonNode response = SeedScript.request(bob.url(), "getClients");
                assertEquals("getClients", response.path("type").asText(), response.toString());
                clients.clear();
                response.path("clients").forEach(client -> clients.add(client.asText()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return clients.contains(aliceAddress) && clients.contains(bobAddress);
        });
    }

    @Test
    void aRecipientNobodyKnowsGetsAnErrorReply() throws Exception {
        String stranger = X25519KeyPair.generate(new SecureRandom()).publicKey().toBase58();
        SeedScript.Result result = SeedScript.run(alice.url(), "send", stranger, writeTemp("hello?").toString());
        JsonNode response = result.response();
        assertEquals("error", response.path("type").asText(), response.toString());
        assertTrue(response.path("message").asText().contains(stranger), response.toString());
        assertTrue(result.stdout().stream().noneMatch(line -> line.equals("received send confirmation")), result.output());

        JsonNode notAnAddress = SeedScript.send(alice.url(), "not-base58-0OIl", "hello?");
        assertEquals("error", notAnAddress.path("type").asText(), notAnAddress.toString());
    }

    private static Path writeTemp(String text) throws Exception {
        Path file = Files.createTempFile(root, "message", ".txt");
        Files.writeString(file, text);
        return file;
    }
}
