package nym.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.crypto.keys.X25519KeyPair;
import nym.provider.client.AuthToken;
import nym.provider.client.Delivery;
import nym.provider.client.ProviderClient;
import nym.provider.internal.protocol.ClientFrames;
import nym.provider.internal.protocol.ClientProtocol;
import nym.provider.internal.protocol.SecureChannel;
import nym.provider.internal.store.SqliteInboxStore;
import nym.provider.store.StoredMessage;
import nym.sphinx.PacketBuilder;
import nym.sphinx.PacketPayload;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.SurbId;
import nym.sphinx.surb.SurbBuilder;
import nym.traffic.transport.NodeAddresses;
import nym.traffic.transport.PacketSender;

/** A real provider on loopback with a SQLite store, fed by a real sender and used by real clients. */
class ProviderServerTest {
    private static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @TempDir
    Path directory;

    private final SplittableRandom random = new SplittableRandom(5);
    private final X25519KeyPair providerKey = X25519KeyPair.generate(random);
    private final X25519KeyPair alice = X25519KeyPair.generate(random);
    private SqliteInboxStore store;
    private ProviderServer provider;
    private PacketSender mix;

    @BeforeEach
    void start() throws Exception {
        store = SqliteInboxStore.open(directory.resolve("inbox.db"));
        provider = ProviderServer.start(ProviderConfig.defaults(ANY, ANY), providerKey.privateKey(), store);
        mix = PacketSender.create(PacketSender.Config.DEFAULT);
    }

    @AfterEach
    void stop() throws Exception {
        mix.close();
        provider.close();
        store.close();
    }


    private SphinxPacket packetFor(X25519KeyPair recipient, String message) throws Exception {
        Hop hop = new Hop(NodeAddresses.encode(provider.mixAddress()), providerKey.publicKey());
        return PacketBuilder.create().route(List.of(hop)).delays(List.of(Delay.ZERO))
                .destination(new Destination(ProviderClient.address(recipient.publicKey()),
                        SurbId.fromBytes(new byte[SurbId.LENGTH])))
                .message(message.getBytes(StandardCharsets.UTF_8)).random(random).build();
    }

    private ProviderClient client() throws ProviderException {
        return ProviderClient.connect(provider.clientAddress(), providerKey.publicKey(), Duration.ofSeconds(5));
    }

    @Test
    void aMessageIsStoredPulledAndDeletedOnlyAfterAcknowledgement() throws Exception {
        DestinationAddress me = ProviderClient.address(alice.publicKey());
        try (ProviderClient client = client()) {
            AuthToken token = client.register(alice, providerKey.publicKey());
            assertTrue(token.equalsSecret(client.register(alice, providerKey.publicKey())), "same token again");

            mix.send(provider.mixAddress(), packetFor(alice, "hello alice"));
            Await.until("the message to be stored", () -> provider.metrics().stored() == 1);

            List<StoredMessage> batch = client.pull(me, token, 10);
            assertEquals(1, batch.size());
            assertArrayEquals("hello alice".getBytes(StandardCharsets.UTF_8),
                    PacketPayload.fromBytes(plainPayload(batch.get(0).payload())).recoverMessage());
            assertEquals(1, client.pull(me, token, 10).size(), "not deleted before the acknowledgement");

            assertEquals(1, client.acknowledge(me, token, List.of(batch.get(0).id())));
            assertEquals(0, client.pull(me, token, 10).size());
        }
    }

    /**
     * A client of the previous version reads every pulled message as a bare payload: a message that
     * is not a reply must still reach it so, or upgrading a provider garbles its clients' messages.
     */
    @Test
    void aMessageThatIsNotAReplyIsStoredAsTheBarePayloadEarlierClientsRead() throws Exception {
        DestinationAddress me = ProviderClient.address(alice.publicKey());
        try (ProviderClient client = client()) {
            AuthToken token = client.register(alice, providerKey.publicKey());
            mix.send(provider.mixAddress(), packetFor(alice, "hello old client"));
            Await.until("the message to be stored", () -> provider.metrics().stored() == 1);

            byte[] pulled = client.pull(me, token, 10).get(0).payload();
            assertEquals(SphinxGeometry.DEFAULT.payloadLength(), pulled.length);
            assertArrayEquals("hello old client".getBytes(StandardCharsets.UTF_8),
                    PacketPayload.fromBytes(pulled).recoverMessage(), "what a client of the previous version reads");
        }
    }

    @Test
    void aReplyThroughASurbKeepsItsSurbIdForTheClient() throws Exception {
        DestinationAddress me = ProviderClient.address(alice.publicKey());
        SurbBuilder.Created created = SurbBuilder.create()
                .route(List.of(new Hop(NodeAddresses.encode(provider.mixAddress()), providerKey.publicKey())))
                .delays(List.of(Delay.ZERO)).destination(me).random(random).build();
        try (ProviderClient client = client()) {
            AuthToken token = client.register(alice, providerKey.publicKey());
            mix.send(provider.mixAddress(), created.surb().createReply("through the SURB".getBytes(StandardCharsets.UTF_8)));
            Await.until("the reply to be stored", () -> provider.metrics().stored() == 1);

            Delivery delivery = Delivery.fromBytes(client.pull(me, token, 10).get(0).payload(),
                    SphinxGeometry.DEFAULT.payloadLength());
            assertTrue(delivery.isReply());
            assertEquals(created.decryptionKeys().surbId(), delivery.surbId());
            assertArrayEquals("through the SURB".getBytes(StandardCharsets.UTF_8),
                    created.decryptionKeys().recoverReply(PacketPayload.fromBytes(delivery.payload())));
        }
    }

    @Test
    void packetsForUnknownClientsAreDroppedAndCounted() throws Exception {
        mix.send(provider.mixAddress(), packetFor(alice, "nobody home"));
        Await.until("the drop", () -> provider.metrics().droppedUnknownClient() == 1);
        assertEquals(0, provider.metrics().stored());
    }

    @Test
    void aWrongTokenIsRefusedAndDeletesNothing() throws Exception {
        DestinationAddress me = ProviderClient.address(alice.publicKey());
        AuthToken token;
        try (ProviderClient client = client()) {
            token = client.register(alice, providerKey.publicKey());
        }
        mix.send(provider.mixAddress(), packetFor(alice, "keep me"));
        Await.until("the message to be stored", () -> provider.metrics().stored() == 1);
        long id;
        try (ProviderClient client = client()) {
            id = client.pull(me, token, 1).get(0).id();
        }
        AuthToken wrong = AuthToken.fromBytes(new byte[AuthToken.LENGTH]);
        try (ProviderClient thief = client()) {
            ProviderException e = assertThrows(ProviderException.class, () -> thief.acknowledge(me, wrong, List.of(id)));
            assertEquals(ProviderException.Reason.UNAUTHORIZED, e.reason());
            ProviderException closed = assertThrows(ProviderException.class, () -> thief.pull(me, token, 1));
            assertEquals(ProviderException.Reason.UNREACHABLE, closed.reason(), "the connection was closed");
        }
        assertEquals(1, store.count(me));
    }

    @Test
    void registeringAnotherClientsAddressNeedsItsPrivateKey() throws Exception {
        X25519KeyPair mallory = X25519KeyPair.generate(random);
        X25519KeyPair forged = new X25519KeyPair(mallory.privateKey(), alice.publicKey());
        try (ProviderClient client = client()) {
            ProviderException e = assertThrows(ProviderException.class,
                    () -> client.register(forged, providerKey.publicKey()));
            assertEquals(ProviderException.Reason.UNAUTHORIZED, e.reason());
        }
        assertTrue(store.registeredClients().isEmpty());
    }

    @Test
    void anUnknownClientCannotPull() throws Exception {
        try (ProviderClient client = client()) {
            ProviderException e = assertThrows(ProviderException.class, () -> client.pull(
                    ProviderClient.address(alice.publicKey()), AuthToken.fromBytes(new byte[32]), 1));
            assertEquals(ProviderException.Reason.UNKNOWN_CLIENT, e.reason());
        }
    }

    @Test
    void malformedRequestsGetAnErrorAndTheProviderKeepsServing() throws Exception {
        int[][] requests = {{9, 9}, {ClientProtocol.PULL, 1, 2}, {ClientProtocol.PULL}}; // unknown type, pull too short
        for (int[] request : requests) {
            try (Socket socket = new Socket(provider.clientAddress().getAddress(), provider.clientAddress().getPort())) {
                SecureChannel channel = SecureChannel.client(new DataInputStream(socket.getInputStream()),
                        new DataOutputStream(socket.getOutputStream()), providerKey.publicKey(), new SecureRandom());
                byte[] body = new byte[request.length == 1 ? ClientFrames.MAX_REQUEST_LENGTH : request.length - 1];
                for (int i = 1; i < request.length; i++) {
                    body[i - 1] = (byte) request[i];
                }
                channel.write(request[0], body); // the last one: a length over the cap
                assertEquals(ClientProtocol.ERROR, channel.read(ClientFrames.MAX_RESPONSE_LENGTH).type());
                assertEquals(-1, socket.getInputStream().read(), "connection closed after the error");
            }
        }
        // Outside the channel nothing is answered: the peer shares no keys with the provider.
        for (byte[] garbage : new byte[][] {{0, 0, 0, 2, 9, 9}, "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)}) {
            try (Socket socket = new Socket(provider.clientAddress().getAddress(), provider.clientAddress().getPort())) {
                socket.getOutputStream().write(garbage);
                socket.shutdownOutput();
                assertEquals(-1, socket.getInputStream().read(), "closed without an answer");
            }
        }
        try (ProviderClient client = client()) {
            client.register(alice, providerKey.publicKey());
        }
        assertEquals(5, provider.metrics().rejectedRequests());
    }

    @Test
    void aClientThatExpectsAnotherProviderKeyIsToldAndLearnsNothing() throws Exception {
        X25519KeyPair impostor = X25519KeyPair.generate(random);
        ProviderException e = assertThrows(ProviderException.class, () -> ProviderClient.connect(
                provider.clientAddress(), impostor.publicKey(), Duration.ofSeconds(5)));
        assertEquals(ProviderException.Reason.UNAUTHORIZED, e.reason());
        assertTrue(e.getMessage().contains("does not hold the key the topology lists"), e.getMessage());
    }

    @Test
    void garbageOnTheMixPortLeavesTheProviderServing() throws Exception {
        try (Socket socket = new Socket(provider.mixAddress().getAddress(), provider.mixAddress().getPort())) {
            socket.getOutputStream().write(new byte[SphinxGeometry.DEFAULT.packetLength()]);
            Await.until("the bad frame to be counted", () -> provider.badFrames() == 1);
        }
        try (ProviderClient client = client()) {
            client.register(alice, providerKey.publicKey());
        }
        mix.send(provider.mixAddress(), packetFor(alice, "after the garbage"));
        Await.until("the message to be stored", () -> provider.metrics().stored() == 1);
    }

    /** Restarts the provider with small limits: 2 messages per inbox, 1 client. */
    /** A burst fills the workers' batches (vector lanes under test); every message is stored once. */
    @Test
    void aBurstIsStoredWhole() throws Exception {
        DestinationAddress me = ProviderClient.address(alice.publicKey());
        int burst = 40;
        try (ProviderClient client = client()) {
            AuthToken token = client.register(alice, providerKey.publicKey());
            List<SphinxPacket> packets = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                packets.add(packetFor(alice, "burst " + i));
            }
            packets.forEach(packet -> mix.send(provider.mixAddress(), packet));
            Await.until("the whole burst to be stored", () -> provider.metrics().stored() == burst);

            List<String> messages = new ArrayList<>();
            for (StoredMessage message : client.pull(me, token, 100)) {
                messages.add(new String(PacketPayload.fromBytes(plainPayload(message.payload())).recoverMessage(),
                        StandardCharsets.UTF_8));
            }
            assertEquals(IntStream.range(0, burst).mapToObj(i -> "burst " + i).sorted().toList(),
                    messages.stream().sorted().toList());
        }
    }

    private void restartWithSmallLimits() throws Exception {
        provider.close();
        ProviderConfig defaults = ProviderConfig.defaults(ANY, ANY);
        provider = ProviderServer.start(new ProviderConfig(ANY, ANY, defaults.geometry(), 1, 100, 2, 1),
                providerKey.privateKey(), store);
    }

    @Test
    void aFullInboxDropsAndCountsInsteadOfGrowing() throws Exception {
        restartWithSmallLimits();
        try (ProviderClient client = client()) {
            client.register(alice, providerKey.publicKey());
        }
        for (int i = 0; i < 3; i++) {
            mix.send(provider.mixAddress(), packetFor(alice, "message " + i));
        }
        Await.until("two stored and one dropped", () -> provider.metrics().stored() == 2
                && provider.metrics().droppedInboxFull() == 1);
        assertEquals(2, store.count(ProviderClient.address(alice.publicKey())));
    }

    @Test
    void aFullProviderRefusesNewClientsButNotKnownOnes() throws Exception {
        restartWithSmallLimits();
        X25519KeyPair bob = X25519KeyPair.generate(random);
        try (ProviderClient client = client()) {
            AuthToken token = client.register(alice, providerKey.publicKey());
            assertTrue(token.equalsSecret(client.register(alice, providerKey.publicKey())));
        }
        try (ProviderClient client = client()) {
            ProviderException e = assertThrows(ProviderException.class,
                    () -> client.register(bob, providerKey.publicKey()));
            assertEquals(ProviderException.Reason.FULL, e.reason());
        }
        assertEquals(1, store.registeredClients().size());
    }

    /** An operator is told which of the two ports is taken, and a provider that did not start holds neither. */
    @Test
    void aTakenPortIsNamedByItsListenerAndTheOtherPortIsReleased() throws Exception {
        InetSocketAddress takenMix = provider.mixAddress();
        InetSocketAddress takenClient = provider.clientAddress();
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        InetSocketAddress freeClient = new InetSocketAddress(InetAddress.getLoopbackAddress(), free);

        ListenerBindException mix = assertThrows(ListenerBindException.class, () -> ProviderServer.start(
                ProviderConfig.defaults(takenMix, freeClient), providerKey.privateKey(), store));
        assertEquals(ListenerBindException.Listener.MIX, mix.listener());
        assertEquals(takenMix, mix.address());
        assertDoesNotThrow(() -> new ServerSocket(free, 1, InetAddress.getLoopbackAddress()).close(),
                "the client port the failed provider had bound is free again");

        ListenerBindException client = assertThrows(ListenerBindException.class, () -> ProviderServer.start(
                ProviderConfig.defaults(ANY, takenClient), providerKey.privateKey(), store));
        assertEquals(ListenerBindException.Listener.CLIENT, client.listener());
        assertEquals(takenClient, client.address());
    }

    /** @return the payload of a stored delivery that is not a reply (its SURB id is all zeros) */
    private static byte[] plainPayload(byte[] stored) throws Exception {
        Delivery delivery = Delivery.fromBytes(stored, SphinxGeometry.DEFAULT.payloadLength());
        assertFalse(delivery.isReply(), "a packet built without a SURB carries a zero SURB id");
        return delivery.payload();
    }
}
