package nym.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.crypto.SecretAccess;
import nym.crypto.keys.X25519KeyPair;
import nym.provider.client.AuthToken;
import nym.provider.client.ClientMessageStore;
import nym.provider.client.Delivery;
import nym.provider.client.ProviderClient;
import nym.provider.store.Inboxes;
import nym.sphinx.PacketProcessor;
import nym.sphinx.ProcessedPacket;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.route.Delay;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.surb.SurbBuilder;
import nym.topology.MixNodeInfo;
import nym.topology.ProviderInfo;
import nym.topology.directory.DirectoryClient;
import nym.topology.directory.DirectoryConfig;
import nym.topology.directory.DirectoryServer;
import nym.traffic.client.ClientTrafficConfig;
import nym.traffic.transport.NodeAddresses;
import nym.websocket.ClientPortException;

/**
 * A running {@link MixnetClient} and the SURBs of anonymous replies, on a directory of this machine
 * whose "nodes" are loopback listeners that read nothing (the Poisson streams are slow enough that
 * no slot is expected while a test runs, and none is needed).
 */
class MixnetClientRepliesTest {
    private static final SphinxGeometry GEOMETRY = SphinxGeometry.DEFAULT;
    private static final Duration SLOW = Duration.ofHours(1);

    private final SplittableRandom random = new SplittableRandom(61);
    private final List<ServerSocket> listeners = new ArrayList<>();
    private final List<MixNodeInfo> mixes = new ArrayList<>();
    private final X25519KeyPair providerKeys = X25519KeyPair.generate(random);
    private final X25519KeyPair alice = X25519KeyPair.generate(random);
    private final X25519KeyPair bob = X25519KeyPair.generate(random);
    private DirectoryServer directory;
    private ProviderInfo provider;

    @BeforeEach
    void network() throws Exception {
        directory = DirectoryServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                DirectoryConfig.defaults().withTtl(Duration.ofHours(1)));
        for (int layer = 1; layer <= 3; layer++) {
            MixNodeInfo mix = new MixNodeInfo(listen(), X25519KeyPair.generate(random).publicKey(), layer, 0, "");
            mixes.add(mix);
            directory.registry().registerMixNode(mix);
        }
        provider = new ProviderInfo(listen(), refused(), providerKeys.publicKey(),
                List.of(alice.publicKey().toBase58(), bob.publicKey().toBase58()), 0, "");
        directory.registry().registerProvider(provider);
    }

    @AfterEach
    void stop() throws IOException {
        directory.close();
        for (ServerSocket listener : listeners) {
            listener.close();
        }
    }

    /** @return "127.0.0.1:port" of a new loopback listener that accepts and reads nothing */
    private String listen() throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listeners.add(listener);
        return NodeAddresses.formatHost((InetSocketAddress) listener.getLocalSocketAddress());
    }

    /**
     * @return "127.0.0.1:port" where nothing listens any more (the provider's client listener: every
     *     pull fails at once)
     */
    private static String refused() throws IOException {
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return NodeAddresses.formatHost((InetSocketAddress) closed.getLocalSocketAddress());
        }
    }

    private MixnetClient client(X25519KeyPair keys, ClientMessageStore store, int queueCapacity) throws Exception {
        return client(keys, store, queueCapacity, SLOW);
    }

    private MixnetClient client(X25519KeyPair keys, ClientMessageStore store, int queueCapacity, Duration fetchInterval)
            throws Exception {
        return new MixnetClient(keys, providerKeys.publicKey().toBase58(), AuthToken.fromBytes(new byte[AuthToken.LENGTH]),
                DirectoryClient.create(directory.uri()), store,
                new ClientTrafficConfig(SLOW, SLOW, Duration.ofMillis(10), queueCapacity, GEOMETRY), fetchInterval, SLOW);
    }

    /** Makes every SURB key in the store at {@code file} {@code age} old. */
    private static void age(Path file, Duration age) throws Exception {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement update = sql.prepareStatement("UPDATE reply_keys SET created_at = ?")) {
            update.setLong(1, System.currentTimeMillis() - age.toMillis());
            assertEquals(1, update.executeUpdate());
        }
    }

    private static int countKeys(Path file) throws Exception {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement query = sql.prepareStatement("SELECT count(*) FROM reply_keys");
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static Hop hop(String host, X25519KeyPair keys) throws Exception {
        return new Hop(NodeAddresses.encode(NodeAddresses.parseHost(host)), keys.publicKey());
    }

    /** @return base64 of a SURB to alice whose route starts at {@code firstHost} */
    private String surbStartingAt(String firstHost) throws Exception {
        List<Hop> route = List.of(hop(firstHost, X25519KeyPair.generate(random)),
                new Hop(NodeAddresses.encode(NodeAddresses.parseHost(mixes.get(1).host())), mixes.get(1).publicKey()),
                new Hop(NodeAddresses.encode(NodeAddresses.parseHost(mixes.get(2).host())), mixes.get(2).publicKey()),
                hop(provider.host(), providerKeys));
        return Base64.getEncoder().encodeToString(SurbBuilder.create(GEOMETRY).route(route)
                .delays(List.of(Delay.ZERO, Delay.ZERO, Delay.ZERO, Delay.ZERO))
                .destination(ProviderClient.address(alice.publicKey())).random(random).build().surb().toBytes());
    }

    /**
     * Whoever made the SURB chose its first hop. A reply must go to a first-layer mix of the network,
     * never to a host the SURB's maker runs (which would learn the replier's IP address and when it
     * answered), nor make the client keep a connection to any address a sender names.
     */
    @Test
    void aReplyGoesOnlyToAFirstLayerMixOfTheTopology(@TempDir Path dir) throws Exception {
        try (MixnetClient bobsClient = client(bob, Inboxes.openClientStore(dir.resolve("received.db")), 10)) {
            String elsewhere = listen(); // a listener of the SURB's maker, not a mix
            ClientPortException refused = assertThrows(ClientPortException.class,
                    () -> bobsClient.reply(surbStartingAt(elsewhere), "who are you?"));
            assertTrue(refused.getMessage().contains("first hop"), refused.getMessage());

            String secondLayer = mixes.get(1).host();
            assertThrows(ClientPortException.class, () -> bobsClient.reply(surbStartingAt(secondLayer), "no"));

            assertDoesNotThrow(() -> bobsClient.reply(surbStartingAt(mixes.get(0).host()), "through the mixes"));
        }
    }

    /** A send refused for a full queue leaves no SURB keys behind: its SURB never left. */
    /** Messages a fetch gives back undelivered are in the buffer again: subscribers are told, as for an arrival. */
    @Test
    void messagesAFetchGivesBackAreAnnouncedAsAnArrival(@TempDir Path dir) throws Exception {
        ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"));
        store.completeMessage("waiting".getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of());
        try (MixnetClient alicesClient = client(alice, store, 10)) {
            java.util.concurrent.atomic.AtomicInteger arrivals = new java.util.concurrent.atomic.AtomicInteger();
            alicesClient.onArrival(arrivals::incrementAndGet);
            nym.websocket.Fetched fetched = alicesClient.fetch();
            assertEquals(List.of("waiting"), fetched.messages());
            fetched.undelivered();
            assertEquals(1, arrivals.get());
            assertEquals(List.of("waiting"), alicesClient.fetch().messages(), "given back, handed out again");
        }
    }

    /** A second reply through one SURB would share its header with the first, so every mix could link them. */
    @Test
    void aSurbCarriesOneReplyAlsoAfterARestart(@TempDir Path dir) throws Exception {
        String surb = surbStartingAt(mixes.get(0).host());
        try (MixnetClient bobsClient = client(bob, Inboxes.openClientStore(dir.resolve("received.db")), 10)) {
            assertDoesNotThrow(() -> bobsClient.reply(surb, "once"));
            ClientPortException again = assertThrows(ClientPortException.class, () -> bobsClient.reply(surb, "twice"));
            assertTrue(again.getMessage().contains("used already"), again.getMessage());
        }
        try (MixnetClient restarted = client(bob, Inboxes.openClientStore(dir.resolve("received.db")), 10)) {
            assertThrows(ClientPortException.class, () -> restarted.reply(surb, "after a restart"));
            assertDoesNotThrow(() -> restarted.reply(surbStartingAt(mixes.get(0).host()), "another SURB"));
        }
    }

    @Test
    void aRefusedSendWithASurbKeepsNoKeys(@TempDir Path dir) throws Exception {
        ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"));
        try (MixnetClient alicesClient = client(alice, store, 1)) {
            alicesClient.send(bob.publicKey().toBase58(), "the first fills the queue", true);
            assertThrows(ClientPortException.class,
                    () -> alicesClient.send(bob.publicKey().toBase58(), "no room for this one", true));
            assertEquals(1, store.forgetReplyKeysBefore(Long.MAX_VALUE), "only the keys of the SURB that was queued");
        }
    }

    /**
     * A reply that had arrived (its payload stored) before a crash is read at the next start, even if
     * that start is more than the keys' seven days after the SURB was made: it came in time.
     */
    @Test
    void aReplyStoredBeforeACrashIsReadAfterTheKeysWouldHaveExpired(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("received.db");
        SurbBuilder.Created created = SurbBuilder.create(GEOMETRY).route(List.of(hop(provider.host(), providerKeys)))
                .delays(List.of(Delay.ZERO)).destination(ProviderClient.address(alice.publicKey())).random(random)
                .build();
        ProcessedPacket.FinalHop atProvider = (ProcessedPacket.FinalHop) PacketProcessor
                .forKey(providerKeys.privateKey()).process(created.surb().createReply("in time".getBytes()));
        byte[] surbId = created.decryptionKeys().surbId().toByteArray();
        try (ClientMessageStore store = Inboxes.openClientStore(file)) {
            store.saveReplyKeys(surbId, created.decryptionKeys().toBytes(SecretAccess.insecureGrant()));
            store.storePayload(providerKeys.publicKey().toBase58(), 1,
                    new Delivery(atProvider.surbId(), atProvider.payload().toBytes()).toBytes());
        }
        // The SURB was made eight days ago; the client crashed after storing the reply's payload.
        age(file, Duration.ofDays(8));

        ClientMessageStore store = Inboxes.openClientStore(file);
        try (MixnetClient alicesClient = client(alice, store, 10)) {
            var messages = store.peekMessages(10, Long.MAX_VALUE, Set.of());
            assertEquals(1, messages.size(), "the reply that arrived before the crash");
            assertArrayEquals("in time".getBytes(), messages.get(0).body());
        }
    }

    /** A client that runs for weeks forgets expired SURB keys too, not only one that is restarted. */
    @Test
    void aRunningClientForgetsKeysOlderThanSevenDays(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("received.db");
        try (MixnetClient alicesClient = client(alice, Inboxes.openClientStore(file), 10, Duration.ofMillis(20))) {
            alicesClient.send(bob.publicKey().toBase58(), "answer me within a week", true);
            age(file, Duration.ofDays(8));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (countKeys(file) > 0) {
                assertTrue(System.nanoTime() < deadline, "the keys of a SURB made 8 days ago are still kept");
                Thread.onSpinWait();
            }
        }
    }
}
