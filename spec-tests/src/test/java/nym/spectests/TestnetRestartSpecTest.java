package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A second {@code nym-testnet} in the same home is the same network: its nodes keep their keys
 * (the provider its registered clients), so a client initialised against the first run still
 * sends and receives after the restart, with the directory on another port. The bug this pins:
 * every start gave the nodes new keys, and such a client sent into the void and fetched from a
 * provider no longer in the topology.
 */
class TestnetRestartSpecTest {
    @Test
    void aClientFromTheFirstRunWorksAfterTheTestnetRestarts() throws Exception {
        SeedScript.install();
        Path root = Files.createTempDirectory("nym-testnet-restart-spec");
        Path home = Files.createDirectories(root.resolve("clients"));
        String provider;
        try (Testnet first = Testnet.start(root)) {
            Clients.init(home, "alice", first.directory());
            Clients.setDebug(home, "alice", Clients.FAST);
            provider = first.topology().providers().get(0).publicKey().toBase58();
        }
        // The second run appends to the first's testnet.out; Image.Run reads only its own output.
        try (Testnet second = Testnet.start(root)) {
            assertEquals(List.of(provider), second.topology().providers().stream()
                    .map(info -> info.publicKey().toBase58()).toList(), second.output());
            try (Clients.Running alice = Clients.run(home, "alice", "--directory", second.directory())) {
                String address = SeedScript.request(alice.url(), "ownDetails").path("address").asText();
                assertEquals("{\"type\":\"send\"}", SeedScript.send(alice.url(), address, "after the restart").toString());
                assertEquals(List.of("after the restart"),
                        SeedScript.fetchUntil(alice.url(), 1, Duration.ofSeconds(60)));
            }
        }
    }
}
