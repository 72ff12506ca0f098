package nym.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.crypto.keys.X25519KeyPair;
import nym.crypto.keys.X25519PublicKey;
import nym.provider.client.AuthToken;
import nym.provider.client.ProviderClient;
import nym.provider.internal.store.SqliteInboxStore;
import nym.sphinx.PacketBuilder;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.Hop;
import nym.sphinx.route.SurbId;
import nym.traffic.mixnode.InMemoryReplayFilter;
import nym.traffic.mixnode.KeyRing;
import nym.traffic.mixnode.KeyRotation;
import nym.traffic.mixnode.SphinxKey;
import nym.traffic.mixnode.SphinxKeyStore;
import nym.traffic.mixnode.SphinxKeys;
import nym.traffic.transport.NodeAddresses;
import nym.traffic.transport.PacketSender;

/**
 * A provider whose Sphinx key is not its identity: clients authenticate it by its identity, packets
 * are built for its current Sphinx key, or for the previous one (its identity, at first) in its grace.
 */
class ProviderKeyRotationTest {
    private static final Duration LONG = Duration.ofHours(1);
    private static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @TempDir
    Path directory;

    private final SplittableRandom random = new SplittableRandom(8);
    private final X25519KeyPair identity = X25519KeyPair.generate(random);
    private final X25519KeyPair sphinx = X25519KeyPair.generate(random);
    private final X25519KeyPair alice = X25519KeyPair.generate(random);
    private final List<SphinxKey> retired = new CopyOnWriteArrayList<>();
    private SqliteInboxStore store;
    private ProviderServer provider;
    private PacketSender mix;

    @AfterEach
    void stop() throws Exception {
        mix.close();
        provider.close();
        store.close();
    }

    @Test
    void packetsForTheCurrentAndThePreviousSphinxKeyReachTheInboxUntilTheGraceEnds() throws Exception {
        Instant graceEnds = Instant.now().plusMillis(1_500);
        start(new KeyRing(key(sphinx), key(identity), graceEnds));
        assertEquals(sphinx.publicKey(), provider.sphinxKey());
        try (ProviderClient client = ProviderClient.connect(provider.clientAddress(), identity.publicKey(),
                Duration.ofSeconds(5))) {
            AuthToken token = client.register(alice, identity.publicKey());
            mix.send(provider.mixAddress(), packetFor(sphinx.publicKey(), "for the current key"));
            mix.send(provider.mixAddress(), packetFor(identity.publicKey(), "for the previous key"));
            Await.until("both stored", () -> provider.metrics().stored() == 2);
            assertEquals(2, client.pull(ProviderClient.address(alice.publicKey()), token, 10).size());
        }
        mix.send(provider.mixAddress(), packetFor(X25519KeyPair.generate(random).publicKey(), "for no key of it"));
        Await.until("the packet for another key dropped", () -> provider.metrics().droppedBadPacket() == 1);

        Await.until("the end of the grace", () -> Instant.now().isAfter(graceEnds));
        mix.send(provider.mixAddress(), packetFor(identity.publicKey(), "too late"));
        Await.until("the packet for the retired key dropped", () -> provider.metrics().droppedBadPacket() == 2);
        Await.until("the previous key retired", () -> retired.size() == 1);
        assertEquals(identity.publicKey(), retired.getFirst().key().publicKey());
        assertEquals(2, provider.metrics().stored());
    }

    @Test
    void aReplayForEitherKeyIsDropped() throws Exception {
        start(new KeyRing(key(sphinx), key(identity), Instant.now().plus(LONG)));
        try (ProviderClient client = ProviderClient.connect(provider.clientAddress(), identity.publicKey(),
                Duration.ofSeconds(5))) {
            client.register(alice, identity.publicKey());
        }
        SphinxPacket current = packetFor(sphinx.publicKey(), "once");
        SphinxPacket previous = packetFor(identity.publicKey(), "once too");
        for (SphinxPacket packet : List.of(current, previous, current, previous)) {
            mix.send(provider.mixAddress(), packet);
        }
        Await.until("two stored and two replays dropped",
                () -> provider.metrics().stored() == 2 && provider.metrics().droppedReplay() == 2);
    }

    private void start(KeyRing keys) throws Exception {
        store = SqliteInboxStore.open(directory.resolve("inbox.db"));
        SphinxKeyStore keyStore = new SphinxKeyStore() {
            @Override
            public SphinxKey rotate(SphinxKey current, Instant currentRetiresAt) throws java.io.IOException {
                throw new java.io.IOException("not in this test");
            }

            @Override
            public void retire(SphinxKey previous) {
                retired.add(previous);
            }
        };
        provider = ProviderServer.start(ProviderConfig.defaults(ANY, ANY), identity.privateKey(), store,
                SphinxKeys.rotating(keys, new KeyRotation(1_000, LONG, LONG), keyStore, SphinxGeometry.DEFAULT));
        mix = PacketSender.create(PacketSender.Config.DEFAULT);
    }

    private static SphinxKey key(X25519KeyPair pair) {
        return new SphinxKey(pair.privateKey(), new InMemoryReplayFilter(100), Instant.now());
    }

    private SphinxPacket packetFor(X25519PublicKey sphinxKey, String message) throws Exception {
        Hop hop = new Hop(NodeAddresses.encode(provider.mixAddress()), sphinxKey);
        return PacketBuilder.create().route(List.of(hop)).delays(List.of(Delay.ZERO))
                .destination(new Destination(ProviderClient.address(alice.publicKey()), SurbId.fromBytes(new byte[SurbId.LENGTH])))
                .message(message.getBytes(StandardCharsets.UTF_8)).random(random).build();
    }

}
