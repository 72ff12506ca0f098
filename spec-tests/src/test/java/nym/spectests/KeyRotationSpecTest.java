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

import nym.topology.NodeInfo;
import nym.topology.Topology;

/**
 * Mix nodes and a provider that replace their Sphinx keys every few seconds ({@code [key_rotation]}
 * in their config.toml) lose nothing: the directory lists each new key (a mix node's in place of
 * the old one, a provider's as its {@code sphinxKey} beside its unchanged identity), clients pick
 * it up at their next topology read, and packets built for the old key during the change are
 * still unwrapped in its grace.
 */
class KeyRotationSpecTest {
    private static final int MESSAGES = 16;
    private static final int ROUNDS = 4;

    @Test
    void messagesCrossMixNodesThatReplaceTheirKeys() throws Exception {
        SeedScript.install();
        Path root = Files.createTempDirectory("nym-key-rotation-spec");
        Path home = Files.createDirectories(root.resolve("clients"));
        Testnet.start(root).close(); // initialises the nodes
        List<Path> configs = nodeConfigs(root.resolve("testnet"));
        assertEquals(4, configs.size());
        for (Path config : configs) {
            Clients.setKey(config, "max_age_ms", "1000");
            Clients.setKey(config, "grace_ms", "6000");
            Clients.setKey(config, "presence_interval_ms", "500");
        }
        try (Testnet testnet = Testnet.start(root)) {
            String providerIdentity = testnet.topology().providers().getFirst().publicKey().toBase58();
            Clients.init(home, "alice", testnet.directory());
            Clients.init(home, "bob", testnet.directory());
            Clients.setDebug(home, "alice", Clients.FAST);
            Clients.setDebug(home, "bob", Clients.FAST);
            Map<String, Set<String>> keysByHost = new HashMap<>();
            try (Clients.Running alice = Clients.run(home, "alice");
                    Clients.Running bob = Clients.run(home, "bob")) {
                String bobAddress = SeedScript.request(bob.url(), "ownDetails").path("address").asText();
                List<String> sent = new ArrayList<>();
                // Four messages, then wait for the directory to list a new key; four rounds.
                for (int round = 0; round < ROUNDS; round++) {
                    Map<String, String> before = keysNow(testnet);
                    for (int i = 0; i < MESSAGES / ROUNDS; i++) {
                        String message = "message " + sent.size() + " across rotating keys";
                        assertEquals("{\"type\":\"send\"}", SeedScript.send(alice.url(), bobAddress, message).toString());
                        sent.add(message);
                    }
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (keysNow(testnet).equals(before)) {
                        assertTrue(System.nanoTime() < deadline, "no node replaced its key within 30 s");
                        LockSupport.parkNanos(200_000_000); // a poll interval, not a fixed wait
                    }
                    keysNow(testnet).forEach((host, key) -> keysByHost.computeIfAbsent(host, h -> new HashSet<>()).add(key));
                    before.forEach((host, key) -> keysByHost.computeIfAbsent(host, h -> new HashSet<>()).add(key));
                }
                List<String> received = SeedScript.fetchUntil(bob.url(), MESSAGES, Duration.ofSeconds(90));
                assertEquals(new HashSet<>(sent), new HashSet<>(received), testnet.output());
                assertEquals(MESSAGES, received.size());
            }
            assertEquals(4, keysByHost.size(), keysByHost.toString());
            assertEquals(providerIdentity, testnet.topology().providers().getFirst().publicKey().toBase58());
            keysByHost.forEach((host, keys) -> assertTrue(keys.size() >= 2,
                    host + " announced only " + keys + ", with a key at most a second old and a 6 s grace"));
        }
    }

    /** @return each listed node's Sphinx key, by host */
    private static Map<String, String> keysNow(Testnet testnet) throws Exception {
        Map<String, String> keys = new HashMap<>();
        Topology topology = testnet.topology();
        for (NodeInfo node : Stream.concat(topology.mixNodes().stream(), topology.providers().stream()).toList()) {
            keys.put(node.host(), node.sphinxKey().toBase58());
        }
        return keys;
    }

    private static List<Path> nodeConfigs(Path nodesHome) throws IOException {
        List<Path> configs = new ArrayList<>();
        for (String kind : List.of("mixnodes", "sfw-providers")) {
            try (Stream<Path> nodes = Files.list(nodesHome.resolve(".nym").resolve(kind))) {
                nodes.map(node -> node.resolve("config/config.toml")).sorted().forEach(configs::add);
            }
        }
        return configs;
    }
}
