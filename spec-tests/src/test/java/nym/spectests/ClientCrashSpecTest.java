package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nym.crypto.keys.KeyPem;
import nym.provider.client.AuthToken;
import nym.provider.client.Delivery;
import nym.provider.client.ProviderClient;
import nym.provider.store.StoredMessage;
import nym.sphinx.PacketPayload;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.fragment.MessageSplitter;
import nym.sphinx.route.DestinationAddress;
import nym.topology.ProviderInfo;
import nym.traffic.client.CoverMessage;
import nym.traffic.transport.NodeAddresses;

/**
 * Receiving without loss (issue 4): a client killed with SIGKILL after it pulled a message from its
 * provider, but before any application fetched it, still returns the message after the next
 * {@code run}: it was kept in the durable store under {@code ~/.nym/clients/NAME/data/}.
 */
class ClientCrashSpecTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static Path root;
    private static Path home;
    private static Testnet testnet;
    private static Clients.Running alice;

    @BeforeAll
    static void startTestnetAndAlice() throws Exception {
        SeedScript.install();
        root = Files.createTempDirectory("nym-client-crash-spec");
        testnet = Testnet.start(root);
        home = Files.createDirectories(root.resolve("clients"));
        for (String id : List.of("alice", "bob")) {
            Clients.init(home, id, testnet.directory());
            Clients.setDebug(home, id, Clients.FAST);
        }
        alice = Clients.run(home, "alice");
    }

    @AfterAll
    static void stopEverything() {
        if (alice != null) {
            alice.close();
        }
        if (testnet != null) {
            testnet.close();
        }
    }

    @Test
    void aClientKilledBetweenPullAndFetchReturnsTheMessagesAfterRestart() throws Exception {
        String bob = KeyPem.readX25519Public(Clients.clientDir(home, "bob").resolve("data/public_identity.pem")).toBase58();
        Image.await("bob among the provider's clients", DEADLINE, () -> provider(bob) != null);
        String shortMessage = "survive the crash";
        byte[] longBytes = new byte[20 * 1024];
        new SecureRandom().nextBytes(longBytes);
        String longMessage = java.util.HexFormat.of().formatHex(longBytes, 0, 10 * 1024); // 20 KiB of text
        int packets = 1 + MessageSplitter.forGeometry(SphinxGeometry.DEFAULT, new SecureRandom())
                .split(longMessage.getBytes(StandardCharsets.UTF_8)).size();

        // bob is not running: both messages wait at his provider.
        assertEquals("{\"type\":\"send\"}", SeedScript.send(alice.url(), bob, shortMessage).toString());
        assertEquals("{\"type\":\"send\"}", SeedScript.send(alice.url(), bob, longMessage).toString());
        Image.await(packets + " packets for bob at his provider", DEADLINE, () -> waitingForBob(bob) == packets);

        // bob runs, pulls them (the provider deletes what he acknowledges), and is killed before any fetch.
        try (Clients.Running first = Clients.run(home, "bob")) {
            Image.await("bob to pull his packets from the provider", DEADLINE, () -> waitingForBob(bob) == 0);
            first.run().process().destroyForcibly(); // SIGKILL: the launcher execs the JVM
            assertEquals(137, first.run().awaitExit(Duration.ofSeconds(30)), first.run().text());
            assertTrue(!first.run().text().contains("Client stopped"), "no clean stop: " + first.run().text());
        }
        assertEquals(0, waitingForBob(bob), "the provider no longer has them");
        try (var files = Files.list(Clients.clientDir(home, "bob").resolve("data"))) {
            assertTrue(files.anyMatch(file -> !file.getFileName().toString().endsWith(".pem")),
                    "a store next to the keys in data/");
        }

        try (Clients.Running second = Clients.run(home, "bob")) {
            List<String> fetched = SeedScript.fetchUntil(second.url(), 2, DEADLINE);
            assertEquals(2, fetched.size(), "each message once");
            assertEquals(Set.of(shortMessage, longMessage), Set.copyOf(fetched));
            assertEquals("{\"type\":\"fetch\",\"messages\":[]}", SeedScript.request(second.url(), "fetch").toString());
        }
    }

    private static ProviderInfo provider(String client) {
        try {
            return testnet.topology().providerOf(client).orElse(null);
        } catch (Exception e) {
            return null;
        }
    }

    /** @return how many payloads that are not loop cover bob's provider holds for him (pulled, not acknowledged) */
    private static long waitingForBob(String bob) {
        try {
            ProviderInfo provider = provider(bob);
            DestinationAddress address = ProviderClient.address(
                    KeyPem.readX25519Public(Clients.clientDir(home, "bob").resolve("data/public_identity.pem")));
            AuthToken token = AuthToken.fromBase58(Clients.configValue(home, "bob", "provider_authtoken"));
            try (ProviderClient client = ProviderClient.connect(NodeAddresses.parseHost(provider.clientHost()), provider.publicKey(),
                    Duration.ofSeconds(5))) {
                long count = 0;
                for (StoredMessage stored : client.pull(address, token, 1000)) {
                    if (!CoverMessage.isLoopCover(PacketPayload.fromBytes(Delivery.fromBytes(stored.payload(), SphinxGeometry.DEFAULT.payloadLength()).payload()).recoverMessage())) {
                        count++;
                    }
                }
                return count;
            }
        } catch (Exception e) {
            return -1;
        }
    }
}
