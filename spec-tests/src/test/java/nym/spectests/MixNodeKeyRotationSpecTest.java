package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nym.topology.MixNodeInfo;

/**
 * Mix nodes that replace their Sphinx keys every few seconds ({@code [key_rotation]} in their
 * config.toml) lose nothing: the directory lists each new key in place of the old one, clients
 * pick it up at their next topology read, and packets built for the old key during the change are
 * still unwrapped in its grace.
 */
class MixNodeKeyRotationSpecTest {
    private static final int MESSAGES = 16;

    @Test
    void messagesCrossMixNodesThatReplaceTheirKeys() throws Exception {
        SeedScript.install();
        Path root = Files.createTempDirectory("nym-key-rotation-spec");
        Path home = Files.createDirectories(root.resolve("clients"));
        Testnet.start(root).close(); // initialises the nodes
        List<Path> mixConfigs = mixNodeConfigs(root.resolve("testnet"));
        assertEquals(3, mixConfigs.size());
        for (Path config : mixConfigs) {
            Clients.setKey(config, "max_age_ms", "1000");
            Clients.setKey(config, "grace_ms", "6000");
            Clients.setKey(config, "presence_interval_ms", "500");
        }
        try (Testnet testnet = Testnet.start(root)) {
            Clients.init(home, "alice", testnet.directory());
            Clients.init(home, "bob", testnet.directory());
            Clients.setDebug(home, "alice", Clients.FAST);
            Clients.setDebug(home, "bob", Clients.FAST);
            Map<String, Set<String>> keysByHost = new HashMap<>();
            try (Clients.Running alice = Clients.run(home, "alice");
                    Clients.Running bob = Clients.run(home, "bob")) {
                String bobAddress = SeedScript.request(bob.url(), "ownDetails").path("address").asText();
                List<String> sent = new ArrayList<>();
                long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                for (int i = 0; i < MESSAGES; i++) {
                    noteKeys(testnet, keysByHost);
                    String message = "message " + i + " across rotating keys";
                    assertEquals("{\"type\":\"send\"}", SeedScript.send(alice.url(), bobAddress, message).toString());
                    sent.add(message);
                    // Spread the messages over the rotations: wait for the next slot, not a fixed time.
                    long slot = end - (MESSAGES - 1 - i) * Duration.ofSeconds(15).toNanos() / MESSAGES;
                    while (System.nanoTime() < slot) {
                        LockSupport.parkNanos(200_000_000); // a poll interval, not a fixed wait
                        noteKeys(testnet, keysByHost);
                    }
                }
                List<String> received = SeedScript.fetchUntil(bob.url(), MESSAGES, Duration.ofSeconds(90));
                assertEquals(new HashSet<>(sent), new HashSet<>(received), testnet.output());
                assertEquals(MESSAGES, received.size());
            }
            assertEquals(3, keysByHost.size(), keysByHost.toString());
            keysByHost.forEach((host, keys) -> assertTrue(keys.size() >= 2,
                    host + " announced only " + keys + " in 15 s, with a key at most a second old and a 6 s grace"));
        }
    }

    private static void noteKeys(Testnet testnet, Map<String, Set<String>> keysByHost) throws Exception {
        for (MixNodeInfo node : testnet.topology().mixNodes()) {
            keysByHost.computeIfAbsent(node.host(), host -> new HashSet<>()).add(node.publicKey().toBase58());
        }
    }

    private static List<Path> mixNodeConfigs(Path nodesHome) throws IOException {
        try (Stream<Path> nodes = Files.list(nodesHome.resolve(".nym/mixnodes"))) {
            return nodes.map(node -> node.resolve("config/config.toml")).sorted().toList();
        }
    }
}
