package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import nym.crypto.keys.X25519KeyPair;
import nym.provider.client.AuthToken;
import nym.provider.client.Delivery;
import nym.provider.client.ProviderClient;
import nym.provider.store.StoredMessage;
import nym.sphinx.PacketBuilder;
import nym.sphinx.PacketPayload;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.Hop;
import nym.sphinx.route.SurbId;
import nym.topology.MixNodeInfo;
import nym.topology.NodeInfo;
import nym.topology.ProviderInfo;
import nym.topology.RouteSelector;
import nym.topology.Topology;
import nym.topology.directory.DirectoryClient;
import nym.topology.directory.MixMetricsEntry;
import nym.traffic.transport.NodeAddresses;
import nym.traffic.transport.PacketSender;

/**
 * The network issue's promises, black box: {@code nym-testnet} from the image starts every node as
 * its own process; packets built with nym-sphinx cross three mix node processes into a provider and
 * are pulled by their owner.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkSpecTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static Path home;
    private static Image.Run testnet;
    private static DirectoryClient directory;
    private static PacketSender sender;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final X25519KeyPair ALICE = X25519KeyPair.generate(RANDOM);
    private static AuthToken token;

    @BeforeAll
    static void startTestnet() throws Exception {
        home = Files.createTempDirectory("nym-testnet-spec");
        testnet = Image.start(home, home.resolve("testnet.out"), "nym-testnet", "--home", home.toString(),
                "--directory-port", "0", "--mixnodes-per-layer", "2", "--providers", "1");
        String ready = testnet.awaitLine("testnet ready: directory ", Duration.ofSeconds(120));
        directory = DirectoryClient.create(URI.create(ready.substring(ready.indexOf("http://")).strip()));
        sender = PacketSender.create(PacketSender.Config.DEFAULT);

        ProviderInfo provider = directory.fetchTopology().providers().get(0);
        try (ProviderClient client = ProviderClient.connect(NodeAddresses.parseHost(provider.clientHost()), provider.publicKey(),
                Duration.ofSeconds(10))) {
            token = client.register(ALICE, provider.publicKey());
        }
        Image.await("alice in the provider's registered clients", DEADLINE, () -> topology().providerOf(
                ALICE.publicKey().toBase58()).isPresent());
    }

    @AfterAll
    static void stopTestnet() {
        if (sender != null) {
            sender.close();
        }
        if (testnet != null) {
            testnet.close();
            assertTrue(testnet.text().contains("Testnet stopped."), testnet.text());
        }
    }

    private static Topology topology() {
        try {
            return directory.fetchTopology();
        } catch (Exception e) {
            return Topology.empty();
        }
    }

    private static SphinxPacket packetToAlice(List<NodeInfo> route, String message) throws Exception {
        List<Hop> hops = new ArrayList<>();
        List<Delay> delays = new ArrayList<>();
        for (NodeInfo node : route) {
            hops.add(new Hop(NodeAddresses.encode(NodeAddresses.parseHost(node.host())), node.publicKey()));
            delays.add(Delay.ofMillis(20));
        }
        return PacketBuilder.create().route(hops).delays(delays)
                .destination(new Destination(ProviderClient.address(ALICE.publicKey()), SurbId.fromBytes(new byte[16])))
                .message(message.getBytes(StandardCharsets.UTF_8)).random(RANDOM).build();
    }

    private static List<NodeInfo> routeToAlice() throws Exception {
        return new RouteSelector(RANDOM).selectTo(topology(), ALICE.publicKey().toBase58());
    }

    private static List<StoredMessage> pull() throws Exception {
        ProviderInfo provider = topology().providerOf(ALICE.publicKey().toBase58()).orElseThrow();
        try (ProviderClient client = ProviderClient.connect(NodeAddresses.parseHost(provider.clientHost()), provider.publicKey(),
                Duration.ofSeconds(10))) {
            return client.pull(ProviderClient.address(ALICE.publicKey()), token, 100);
        }
    }

    private static void acknowledge(List<StoredMessage> messages) throws Exception {
        ProviderInfo provider = topology().providerOf(ALICE.publicKey().toBase58()).orElseThrow();
        try (ProviderClient client = ProviderClient.connect(NodeAddresses.parseHost(provider.clientHost()), provider.publicKey(),
                Duration.ofSeconds(10))) {
            client.acknowledge(ProviderClient.address(ALICE.publicKey()), token,
                    messages.stream().map(StoredMessage::id).toList());
        }
    }

    /** Sends a message along a fresh route and waits until alice's provider holds it. */
    private static StoredMessage sendAndAwait(String message) throws Exception {
        List<NodeInfo> route = routeToAlice();
        sender.send(NodeAddresses.parseHost(route.get(0).host()), packetToAlice(route, message));
        return awaitMessage(message);
    }

    private static StoredMessage awaitMessage(String message) throws Exception {
        byte[] expected = message.getBytes(StandardCharsets.UTF_8);
        StoredMessage[] found = new StoredMessage[1];
        Image.await("'" + message + "' at the provider", DEADLINE, () -> {
            try {
                for (StoredMessage stored : pull()) {
                    if (java.util.Arrays.equals(expected, PacketPayload.fromBytes(Delivery.fromBytes(stored.payload(), SphinxGeometry.DEFAULT.payloadLength()).payload()).recoverMessage())) {
                        found[0] = stored;
                        return true;
                    }
                }
            } catch (Exception e) {
                return false;
            }
            return false;
        });
        return found[0];
    }

    @Test
    @Order(1)
    void aPacketCrossesThreeMixNodeProcessesAndIsPulledByItsOwner() throws Exception {
        Topology topology = topology();
        assertEquals(6, topology.mixNodes().size());
        assertTrue(topology.isRoutable());

        StoredMessage stored = sendAndAwait("hello alice, through three mixes");
        assertArrayEquals("hello alice, through three mixes".getBytes(StandardCharsets.UTF_8),
                PacketPayload.fromBytes(Delivery.fromBytes(stored.payload(), SphinxGeometry.DEFAULT.payloadLength()).payload()).recoverMessage());
        acknowledge(List.of(stored));
        assertTrue(pull().stream().noneMatch(m -> m.id() == stored.id()), "deleted once acknowledged");
    }

    @Test
    @Order(2)
    void aReplayedPacketIsDroppedAndCounted() throws Exception {
        List<NodeInfo> route = routeToAlice();
        MixNodeInfo entry = (MixNodeInfo) route.get(0);
        SphinxPacket packet = packetToAlice(route, "only once");
        MixMetricsEntry before = nextReport(entry);
        long receivedBefore = before.report().received();
        long sentBefore = sent(before);

        sender.send(NodeAddresses.parseHost(entry.host()), packet);
        acknowledge(List.of(awaitMessage("only once")));
        sender.send(NodeAddresses.parseHost(entry.host()), packet);

        Image.await("the entry mix to report both packets", DEADLINE,
                () -> metricsOf(entry).map(e -> e.report().received()).orElse(0L) >= receivedBefore + 2);
        assertEquals(sentBefore + 1, sent(nextReport(entry)), "the replay was not forwarded");
        assertTrue(pull().isEmpty(), "the replay was not delivered");
    }

    @Test
    @Order(3)
    void garbageOnEveryListeningPortLeavesEveryProcessAlive() throws Exception {
        Topology topology = topology();
        List<InetSocketAddress> ports = new ArrayList<>();
        for (MixNodeInfo mix : topology.mixNodes()) {
            ports.add(NodeAddresses.parseHost(mix.host()));
        }
        for (ProviderInfo provider : topology.providers()) {
            ports.add(NodeAddresses.parseHost(provider.host()));
            ports.add(NodeAddresses.parseHost(provider.clientHost()));
        }
        ports.add(new InetSocketAddress(directory.baseUri().getHost(), directory.baseUri().getPort()));
        byte[] garbage = new byte[4096];
        RANDOM.nextBytes(garbage);
        for (InetSocketAddress port : ports) {
            try (Socket socket = new Socket(port.getAddress(), port.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(garbage);
                out.flush();
            } catch (java.io.IOException e) {
                // A node may close the connection while we write: that is the point.
            }
        }
        assertTrue(testnet.process().isAlive());
        assertEquals(8, testnet.jvm().descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
                .count(), "directory, six mix nodes and a provider still run");
        acknowledge(List.of(sendAndAwait("after the garbage")));
    }

    @Test
    @Order(4)
    void killingAMixNodeLeavesTheOthersServingAndTheDirectoryDropsIt() throws Exception {
        ProcessHandle victim = nodeJvm("testnet-mix-l2-1");
        victim.destroyForcibly();
        Image.await("the directory to drop the killed mix node", DEADLINE,
                () -> topology().mixNodesInLayer(2).size() == 1);
        assertTrue(topology().isRoutable());
        acknowledge(List.of(sendAndAwait("around the dead node")));
    }

    @Test
    @Order(5)
    void aProviderKilledAfterStoringStillDeliversAfterRestart() throws Exception {
        StoredMessage stored = sendAndAwait("survive the crash");
        ProcessHandle provider = nodeJvm("testnet-provider-1");
        provider.destroyForcibly();
        provider.onExit().get();

        try (Image.Run restarted = startProvider()) {
            StoredMessage again = awaitMessage("survive the crash");
            assertEquals(stored.id(), again.id());
            acknowledge(List.of(again));
        }
    }

    /**
     * A provider keeps its replay tags across a restart (data/replay-tags/), even after a SIGKILL the
     * moment it stored the packet: a one-hop packet it stored before is dropped after, and counted in
     * its stop line.
     */
    @Test
    @Order(6)
    void aPacketAProviderTookBeforeARestartIsAReplayAfterIt() throws Exception {
        SphinxPacket packet;
        InetSocketAddress mixAddress;
        StoredMessage stored;
        try (PacketSender direct = PacketSender.create(PacketSender.Config.DEFAULT)) {
            try (Image.Run provider = startProvider()) {
                ProviderInfo info = topology().providerOf(ALICE.publicKey().toBase58()).orElseThrow();
                mixAddress = NodeAddresses.parseHost(info.host());
                packet = packetToAlice(List.of(info), "to the provider once");
                direct.send(mixAddress, packet);
                stored = awaitMessage("to the provider once");
                provider.jvm().destroyForcibly();
                provider.jvm().onExit().get();
            }
        }
        try (PacketSender direct = PacketSender.create(PacketSender.Config.DEFAULT);
                Image.Run provider = startProvider()) {
            acknowledge(List.of(stored));
            ProviderInfo info = topology().providerOf(ALICE.publicKey().toBase58()).orElseThrow();
            direct.send(mixAddress, packet);
            // Sent behind the replay on the same connection: once it is stored, the replay was read.
            direct.send(mixAddress, packetToAlice(List.of(info), "behind the replay"));
            acknowledge(List.of(awaitMessage("behind the replay")));
            assertTrue(pull().isEmpty(), "the replay was not stored");
            provider.close();
            assertTrue(provider.text().contains("droppedReplay=1"), provider.text());
        }
    }

    private static Image.Run startProvider() throws Exception {
        Image.Run run = Image.start(home, home.resolve("provider-restart.out"), "nym-provider", "run", "--id",
                "testnet-provider-1");
        run.awaitLine("Listening for clients", DEADLINE);
        Image.await("alice's provider in the topology", DEADLINE,
                () -> topology().providerOf(ALICE.publicKey().toBase58()).isPresent());
        return run;
    }

    private static ProcessHandle nodeJvm(String id) {
        return testnet.jvm().descendants()
                .filter(p -> p.info().command().orElse("").endsWith("/java"))
                .filter(p -> String.join(" ", p.info().arguments().orElse(new String[0])).contains("--id " + id))
                .findFirst().orElseThrow(() -> new AssertionError("no process for " + id));
    }

    private static Optional<MixMetricsEntry> metricsOf(MixNodeInfo node) {
        try {
            return directory.fetchMetrics().stream()
                    .filter(entry -> entry.report().publicKey().equals(node.publicKey())).findFirst();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Waits for a metrics report of {@code node} made after this call, so it counts everything before it. */
    private static MixMetricsEntry nextReport(MixNodeInfo node) {
        long now = metricsOf(node).map(MixMetricsEntry::timestampNanos).orElse(0L);
        Image.await("a fresh metrics report", DEADLINE,
                () -> metricsOf(node).map(MixMetricsEntry::timestampNanos).orElse(0L) > now);
        return metricsOf(node).orElseThrow();
    }

    private static long sent(MixMetricsEntry entry) {
        return entry.report().sent().values().stream().mapToLong(Long::longValue).sum();
    }
}
