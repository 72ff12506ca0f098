package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nym.crypto.keys.KeyPem;
import nym.provider.client.ClientMessageStore;
import nym.provider.store.Inboxes;
import nym.websocket.WebSocketApiClient;

/**
 * The seed's {@code nym-client} commands, black box (mixnet-client.md, "Clients"): the banner, init
 * and its files and lines, run and its lines, config.toml and the precedence of options over it,
 * errors, and HOME. One small {@code nym-testnet} for the class.
 */
class ClientCommandSpecTest {
    private static final Duration START = Duration.ofSeconds(60);

    private static Path root;
    private static Testnet testnet;

    @BeforeAll
    static void startTestnet() throws Exception {
        root = Files.createTempDirectory("nym-client-spec");
        testnet = Testnet.start(root);
    }

    @AfterAll
    static void stopTestnet() {
        if (testnet != null) {
            testnet.close();
        }
    }

    private static Path home(String name) throws Exception {
        return Files.createDirectories(root.resolve(name));
    }

    @Test
    void withoutArgumentsPrintsTheBannerAndTheUsageLine() throws Exception {
        Clients.Result result = Clients.execute(home("no-arguments"));
        assertEquals(0, result.exit(), result.output());
        // The seed's output to the byte, with its line of four spaces after the version.
        String seed = "\n\n"
                + "      _ __  _   _ _ __ ___\n"
                + "     | '_ \\| | | | '_ \\ _ \\\n"
                + "     | | | | |_| | | | | | |\n"
                + "     |_| |_|\\__, |_| |_| |_|\n"
                + "            |___/\n"
                + "\n"
                + "             (client - version 0.7.0)\n"
                + "\n"
                + "    \n"
                + "usage: --help to see available options.\n";
        assertEquals(seed, result.output());
        assertEquals(List.of("usage: --help to see available options."), result.linesAfterBanner());
    }

    @Test
    void helpListsInitAndRun() throws Exception {
        Clients.Result result = Clients.execute(home("help"), "--help");
        assertEquals(0, result.exit(), result.output());
        List<String> lines = result.linesAfterBanner();
        assertTrue(lines.stream().anyMatch(line -> line.strip().startsWith("init ")), result.output());
        assertTrue(lines.stream().anyMatch(line -> line.strip().startsWith("run ")), result.output());
        Clients.Result init = Clients.execute(home("help"), "init", "--help");
        assertEquals(0, init.exit(), init.output());
        for (String option : List.of("--id", "--directory", "--provider", "--socket-type", "--port", "--force")) {
            assertTrue(init.output().contains(option), option + " in\n" + init.output());
        }
    }

    @Test
    void initWritesTheKeysAndTheConfigAndPrintsTheSeedsLinesInOrder() throws Exception {
        Path home = home("init");
        Clients.Result result = Clients.init(home, "alice", testnet.directory());
        Path data = home.resolve(".nym/clients/alice/data");
        Path config = home.resolve(".nym/clients/alice/config/config.toml");
        for (Path file : List.of(data.resolve("private_identity.pem"), data.resolve("public_identity.pem"), config)) {
            assertTrue(Files.isRegularFile(file) && Files.size(file) > 0, file + " written");
        }
        assertTrue(Files.readString(data.resolve("private_identity.pem")).startsWith("-----BEGIN X25519 PRIVATE KEY-----"));
        assertTrue(Files.readString(data.resolve("public_identity.pem")).startsWith("-----BEGIN X25519 PUBLIC KEY-----"));

        String provider = testnet.topology().providers().get(0).publicKey().toBase58();
        String token = Clients.configValue(home, "alice", "provider_authtoken");
        assertTrue(token.matches("[1-9A-HJ-NP-Za-km-z]{40,50}"), token);
        assertEquals(provider, Clients.configValue(home, "alice", "provider_id"));
        List<String> expected = List.of(
                "Initialising client...",
                " INFO  pemstore::pemstore > Written private key to \"" + data.resolve("private_identity.pem") + "\"",
                " INFO  pemstore::pemstore > Written public key to \"" + data.resolve("public_identity.pem") + "\"",
                "Saved mixnet identity keypair",
                "Saved configuration file to \"" + config + "\"",
                "Unless overridden in all `nym-client run` we will be talking to the following gateway: " + provider + "...",
                "using optional AuthToken: \"" + token + "\"",
                "Client configuration completed.");
        List<String> lines = result.linesAfterBanner();
        assertEquals(expected.size(), lines.size(), result.output());
        for (int i = 0; i < expected.size(); i++) {
            String line = lines.get(i);
            if (expected.get(i).startsWith(" INFO")) {
                // " 2020-05-26T18:45:32.098 INFO  pemstore::pemstore > Written ..."
                assertTrue(line.matches(" \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}" + java.util.regex.Pattern.quote(expected.get(i))),
                        "line " + i + ": " + line);
            } else {
                assertEquals(expected.get(i), line, result.output());
            }
        }
    }

    @Test
    void configHasTheSeedsSectionsKeysAndDefaults() throws Exception {
        Path home = home("config");
        Clients.init(home, "alice", testnet.directory());
        List<String> lines = Files.readAllLines(Clients.config(home, "alice"));
        List<String> sections = lines.stream().filter(line -> line.startsWith("[")).toList();
        assertEquals(List.of("[client]", "[socket]", "[logging]", "[debug]"), sections);
        for (String key : List.of("id = \"alice\"", "directory_server = \"" + testnet.directory() + "\"",
                "socket_type = \"WebSocket\"", "listening_port = 9001",
                "average_packet_delay = 200", "message_sending_average_delay = 500",
                "loop_cover_traffic_average_delay = 1000", "fetch_message_delay = 1000",
                "topology_refresh_rate = 10000")) {
            assertTrue(lines.contains(key), key + " in\n" + String.join("\n", lines));
        }
        int socket = lines.indexOf("[socket]");
        int logging = lines.indexOf("[logging]");
        assertTrue(lines.indexOf("socket_type = \"WebSocket\"") > socket && lines.indexOf("listening_port = 9001") < logging);
        assertTrue(lines.indexOf("average_packet_delay = 200") > lines.indexOf("[debug]"));
        assertEquals(home.resolve(".nym/clients/alice/data/private_identity.pem").toString(),
                Clients.configValue(home, "alice", "private_identity_key_file"));

        Path other = home("config-tcp");
        Clients.init(other, "carol", testnet.directory(), "--socket-type", "tcp", "--port", "1234");
        assertEquals("TCP", Clients.configValue(other, "carol", "socket_type"));
        assertEquals("1234", Clients.configValue(other, "carol", "listening_port"));
    }

    @Test
    void initOfAnExistingIdFailsWithOneLineUnlessForced() throws Exception {
        Path home = home("existing");
        Clients.init(home, "alice", testnet.directory());
        Path publicKey = home.resolve(".nym/clients/alice/data/public_identity.pem");
        String before = Files.readString(publicKey);

        Clients.Result again = Clients.execute(home, "init", "--id", "alice", "--directory", testnet.directory());
        assertNotEquals(0, again.exit(), again.output());
        List<String> lines = again.linesAfterBanner();
        assertEquals(1, lines.size(), again.output());
        assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains("alice") && lines.get(0).contains("--force"),
                lines.get(0));
        assertEquals(before, Files.readString(publicKey), "the identity is kept");

        Clients.Result forced = Clients.execute(home, "init", "--id", "alice", "--directory", testnet.directory(), "--force");
        assertEquals(0, forced.exit(), forced.output());
        assertTrue(forced.output().contains("Client configuration completed."), forced.output());
        assertNotEquals(before, Files.readString(publicKey), "--force makes a new identity");
    }

    /**
     * A new identity is not handed the old one's messages, and they are not lost: init --force moves
     * the store aside under the old address, says where in one line, and the new identity's
     * application fetches nothing.
     */
    @Test
    void initForceMovesTheOldIdentitysUnfetchedMessagesAsideAndTheNewIdentityFetchesNone() throws Exception {
        Path home = home("force-keeps-messages");
        Clients.init(home, "alice", testnet.directory());
        Path data = Clients.clientDir(home, "alice").resolve("data");
        String oldAddress = KeyPem.readX25519Public(aliceKey(home)).toBase58();
        try (ClientMessageStore store = Inboxes.openClientStore(data.resolve("received.db"))) {
            store.completeMessage("for the old alice".getBytes(StandardCharsets.UTF_8), List.of());
        }

        Clients.Result forced = Clients.execute(home, "init", "--id", "alice", "--directory", testnet.directory(),
                "--force");
        assertEquals(0, forced.exit(), forced.output());
        String prefix = "Moved the previous identity's received messages to \"";
        List<String> moved = forced.linesAfterBanner().stream().filter(line -> line.startsWith(prefix)).toList();
        assertEquals(1, moved.size(), forced.output());
        Path aside = Path.of(moved.get(0).substring(prefix.length(), moved.get(0).indexOf('"', prefix.length())));
        assertEquals(data, aside.getParent(), moved.get(0));
        assertTrue(aside.getFileName().toString().startsWith("received-" + oldAddress + "-"), moved.get(0));
        assertTrue(moved.get(0).endsWith(": 1 message(s) not yet fetched, 0 fragment(s) of unfinished messages"),
                moved.get(0));
        try (ClientMessageStore kept = Inboxes.openClientStore(aside)) {
            assertEquals(List.of("for the old alice"), kept.peekMessages(10, Long.MAX_VALUE, Set.of()).stream()
                    .map(message -> new String(message.body(), StandardCharsets.UTF_8)).toList());
        }

        try (Clients.Running run = Clients.run(home, "alice");
                WebSocketApiClient app = WebSocketApiClient.connect(run.port(), START)) {
            assertEquals("[]", app.request(WebSocketApiClient.requestOf("fetch"), START).path("messages").toString());
        }
    }

    @Test
    void initForceIsRefusedWhileTheClientRuns() throws Exception {
        Path home = home("force-while-running");
        Clients.init(home, "alice", testnet.directory());
        String before = Files.readString(aliceKey(home));
        try (Image.Run run = Clients.start(home, "run", "--id", "alice", "--port", Integer.toString(Clients.freePort()))) {
            run.awaitLine(Clients.LISTENER, START);
            Clients.Result forced = Clients.execute(home, "init", "--id", "alice", "--directory", testnet.directory(),
                    "--force");
            assertOneLineError(forced, "error: client 'alice' is already running");
            assertEquals(before, Files.readString(aliceKey(home)), "the running client's identity is kept");
        }
        Clients.Result afterStop = Clients.execute(home, "init", "--id", "alice", "--directory", testnet.directory(),
                "--force");
        assertEquals(0, afterStop.exit(), afterStop.output());
        assertNotEquals(before, Files.readString(aliceKey(home)), "once it has stopped, --force makes a new identity");
    }

    /** An init killed while it renamed its files leaves them staged: run refuses, init --force mends. */
    @Test
    void aStagedFileLeftByAKilledInitStopsRunUntilInitRunsAgain() throws Exception {
        Path home = home("killed-init");
        Clients.init(home, "alice", testnet.directory());
        Path staged = Clients.clientDir(home, "alice").resolve("config/config.toml.new");
        Files.copy(Clients.clientDir(home, "alice").resolve("config/config.toml"), staged);
        assertOneLineError(Clients.execute(home, "run", "--id", "alice"),
                "error: an earlier `nym-client init --id alice` did not finish (it left " + staged);
        Clients.Result again = Clients.execute(home, "init", "--id", "alice", "--directory", testnet.directory(),
                "--force");
        assertEquals(0, again.exit(), again.output());
        assertFalse(Files.exists(staged), "the completed init removed it");
        try (Image.Run run = Clients.start(home, "run", "--id", "alice", "--port", Integer.toString(Clients.freePort()))) {
            run.awaitLine(Clients.LISTENER, START);
        }
    }

    @Test
    void runPrintsTheSeedsLinesListensAndStopsOnSigterm() throws Exception {
        Path home = home("run");
        Clients.init(home, "alice", testnet.directory());
        int port = Clients.freePort();
        try (Image.Run run = Clients.start(home, "run", "--id", "alice", "--port", Integer.toString(port))) {
            String listener = run.awaitLine(Clients.LISTENER, START);
            assertTrue(listener.matches(" \\S+ INFO  nym_client::sockets::ws +> Starting websocket listener at 127\\.0\\.0\\.1:"
                    + port), listener);
            try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                assertTrue(socket.isConnected());
            }
            List<String> lines = new Clients.Result(0, run.text()).linesAfterBanner();
            assertEquals(List.of("Starting websocket on port: " + port, "Listening for messages...", "Starting nym client",
                    "Using directory server: \"" + testnet.directory() + "\""), lines.subList(0, 4), run.text());

            run.process().destroy(); // SIGTERM to the launcher, which is the JVM
            assertEquals(0, run.awaitExit(Duration.ofSeconds(30)), run.text());
            assertTrue(run.text().contains("Client stopped: "), run.text());
        }
    }

    @Test
    void runOptionsOverrideTheConfigFileAndTheFileIsRead() throws Exception {
        Path home = home("precedence");
        Clients.init(home, "alice", testnet.directory());
        int fromFile = Clients.freePort();
        Clients.setConfig(home, "alice", "listening_port", Integer.toString(fromFile));
        try (Image.Run run = Clients.start(home, "run", "--id", "alice")) {
            run.awaitLine(Clients.LISTENER + fromFile, START);
            assertTrue(run.text().contains("Starting websocket on port: " + fromFile + "\n"), run.text());
        }

        Clients.setConfig(home, "alice", "socket_type", "\"None\"");
        int fromOption = Clients.freePort();
        try (Image.Run run = Clients.start(home, "run", "--id", "alice", "--socket-type", "websocket",
                "--port", Integer.toString(fromOption))) {
            run.awaitLine(Clients.LISTENER + fromOption, START);
            assertTrue(run.text().contains("Starting websocket on port: " + fromOption + "\n"), run.text());
            assertFalse(run.text().contains(Clients.LISTENER + fromFile), run.text());
            assertFalse(run.text().contains("on port: " + fromFile), run.text());
        }
    }

    @Test
    void anUnknownKeyOrABadValueInTheConfigIsAOneLineErrorNamingIt() throws Exception {
        Path home = home("bad-config");
        Clients.init(home, "alice", testnet.directory());
        Path config = Clients.config(home, "alice");
        String good = Files.readString(config);

        Files.writeString(config, good.replace("listening_port = 9001", "listening_port = 9001\nlistening_prot = 9002"));
        assertOneLineError(Clients.execute(home, "run", "--id", "alice"), "listening_prot");

        Files.writeString(config, good.replace("fetch_message_delay = 1000", "fetch_message_delay = \"soon\""));
        assertOneLineError(Clients.execute(home, "run", "--id", "alice"), "fetch_message_delay");

        Files.writeString(config, good.replace("socket_type = \"WebSocket\"", "socket_type = \"Carrier pigeon\""));
        assertOneLineError(Clients.execute(home, "run", "--id", "alice"), "socket_type");

        Files.writeString(config, good.replace("topology_refresh_rate = 10000", "topology_refresh_rate = 0"));
        assertOneLineError(Clients.execute(home, "run", "--id", "alice"), "topology_refresh_rate");

        Files.writeString(config, good.replace("listening_port = 9001", "listening_port = 99999"));
        assertOneLineError(Clients.execute(home, "run", "--id", "alice"), "socket.listening_port");
    }

    @Test
    void aLocalApiPortInUseEndsWithOneErrorLineNamingItAndWhatSetIt() throws Exception {
        Path home = home("port-in-use");
        Clients.init(home, "alice", testnet.directory());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Clients.setConfig(home, "alice", "listening_port", Integer.toString(port));
            assertLastLineIs(Clients.execute(home, "run", "--id", "alice"),
                    "error: cannot listen on 127.0.0.1:" + port + ": Address already in use (choose another socket.listening_port)");
            assertLastLineIs(Clients.execute(home, "run", "--id", "alice", "--socket-type", "tcp", "--port",
                    Integer.toString(port)), "error: cannot listen on 127.0.0.1:" + port
                    + ": Address already in use (choose another --port)");
        }
    }

    private static void assertLastLineIs(Clients.Result result, String expected) {
        assertNotEquals(0, result.exit(), result.output());
        List<String> lines = result.output().lines().filter(line -> !line.isBlank()).toList();
        assertEquals(expected, lines.get(lines.size() - 1), result.output());
    }

    private static Path aliceKey(Path home) {
        return home.resolve(".nym/clients/alice/data/public_identity.pem");
    }

    private static void assertOneLineError(Clients.Result result, String key) {
        assertNotEquals(0, result.exit(), result.output());
        List<String> lines = result.linesAfterBanner();
        assertEquals(1, lines.size(), result.output());
        assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains(key), key + ": " + lines.get(0));
    }

    @Test
    void homeDecidesWhereDotNymIs() throws Exception {
        Path first = home("home-1");
        Path second = home("home-2");
        Clients.init(first, "dora", testnet.directory());
        assertTrue(Files.isRegularFile(first.resolve(".nym/clients/dora/config/config.toml")));
        assertFalse(Files.exists(second.resolve(".nym")));

        Clients.Result elsewhere = Clients.execute(second, "run", "--id", "dora");
        assertNotEquals(0, elsewhere.exit(), elsewhere.output());
        List<String> lines = elsewhere.linesAfterBanner();
        assertEquals(1, lines.size(), elsewhere.output());
        assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains(second.toString()), lines.get(0));
    }
}
