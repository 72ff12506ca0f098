package nym.traffic.mixnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nym.crypto.keys.X25519KeyPair;
import nym.crypto.keys.X25519PublicKey;
import nym.sphinx.SphinxPacket;
import nym.traffic.Await;
import nym.traffic.transport.PacketSender;

/** A rotating mix node: replaced keys, their grace, full filters, and a store that fails. */
class MixNodeKeyRotationTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Duration LONG = Duration.ofHours(1);
    /** Filters of 2 × 3 tags: a key is replaced after 3 packets and full after 6. */
    private static final int GENERATION = 3;

    private final SplittableRandom random = new SplittableRandom(29);
    private final X25519KeyPair firstKey = X25519KeyPair.generate(random);
    private final RecordingStore store = new RecordingStore();
    private LastHop last;
    private List<SphinxPacket> arrived;
    private PacketSender client;
    private MixNode mix;

    @BeforeEach
    void start() throws Exception {
        last = new LastHop(random);
        arrived = last.arrived;
        client = last.client;
    }

    @AfterEach
    void stop() {
        if (mix != null) {
            mix.close();
        }
        last.close();
    }

    @Test
    void theKeyIsReplacedAfterItsPacketsAndThePreviousOneIsStillAcceptedAndRemembered() throws Exception {
        mix = startMix(KeyRing.of(firstKey()), new KeyRotation(GENERATION, LONG, LONG));
        List<SphinxPacket> sent = sendAndAwait(firstKey.publicKey(), GENERATION);
        Await.until("a new key", DEADLINE, () -> !mix.publicKey().equals(firstKey.publicKey()));
        X25519PublicKey second = mix.publicKey();
        assertEquals(1, store.made.size());
        assertEquals(second, store.made.getFirst().key().publicKey());

        sendAndAwait(firstKey.publicKey(), 1); // built from a topology read before the change
        sendAndAwait(second, 1);
        client.send(mix.localAddress(), sent.getFirst());
        Await.until("the replay dropped", DEADLINE, () -> mix.metrics().dropped(DropReason.REPLAY) == 1);
        assertEquals(GENERATION + 1, firstFilterSize());
        assertEquals(1, store.made.getFirst().tags().size());
        assertEquals(List.of(), store.retired);
    }

    @Test
    void aKeyIsNotReplacedAgainDuringThePreviousOnesGraceUnlessItIsFull() throws Exception {
        mix = startMix(KeyRing.of(firstKey()), new KeyRotation(GENERATION, LONG, LONG));
        sendAndAwait(firstKey.publicKey(), GENERATION);
        X25519PublicKey second = awaitKeyInUse(0);
        sendAndAwait(second, GENERATION + 1); // due, but the first key is in its grace
        sendAndAwait(firstKey.publicKey(), 1);
        assertEquals(1, store.made.size());
        assertEquals(List.of(), store.retired);

        sendAndAwait(second, GENERATION - 1); // now full: replaced, and the first key's grace cut short
        X25519PublicKey third = awaitKeyInUse(1);
        Await.until("the first key retired", DEADLINE, () -> store.retired.size() == 1);
        assertEquals(firstKey.publicKey(), store.retired.getFirst().key().publicKey());
        sendAndAwait(third, 1);
        // The second key, full, cannot take more packets either: it goes at the next check.
        Await.until("the second key retired", DEADLINE, () -> store.retired.size() == 2);
        assertEquals(second, store.retired.get(1).key().publicKey());
    }

    @Test
    void thePreviousKeyIsRetiredAfterItsGrace() throws Exception {
        mix = startMix(KeyRing.of(firstKey()), new KeyRotation(GENERATION, LONG, Duration.ofMillis(200)));
        sendAndAwait(firstKey.publicKey(), GENERATION);
        Await.until("the first key retired", DEADLINE, () -> store.retired.size() == 1);
        assertEquals(firstKey.publicKey(), store.retired.getFirst().key().publicKey());

        client.send(mix.localAddress(), packetFor(firstKey.publicKey()));
        Await.until("the packet for the retired key dropped", DEADLINE,
                () -> mix.metrics().dropped(DropReason.BAD_PACKET) == 1);
        assertEquals(GENERATION, arrived.size());
    }

    @Test
    void thePreviousKeyIsRetiredAsSoonAsItsFilterIsFull() throws Exception {
        mix = startMix(KeyRing.of(firstKey()), new KeyRotation(GENERATION, LONG, LONG));
        sendAndAwait(firstKey.publicKey(), GENERATION);
        Await.until("a new key", DEADLINE, () -> store.made.size() == 1);
        sendAndAwait(firstKey.publicKey(), GENERATION); // fills the first key's 2 × 3 tags
        Await.until("the first key retired", DEADLINE, () -> store.retired.size() == 1);

        client.send(mix.localAddress(), packetFor(firstKey.publicKey()));
        Await.until("the packet for the retired key dropped", DEADLINE,
                () -> mix.metrics().dropped(DropReason.BAD_PACKET) == 1);
        assertEquals(2 * GENERATION, firstFilterSize());
    }

    @Test
    void anOldKeyIsReplacedWithoutPackets() throws Exception {
        mix = startMix(KeyRing.of(firstKey()), new KeyRotation(1_000, Duration.ofMillis(300), LONG));
        Await.until("a new key", DEADLINE, () -> !mix.publicKey().equals(firstKey.publicKey()));
        sendAndAwait(mix.publicKey(), 1);
        sendAndAwait(firstKey.publicKey(), 1);
    }

    @Test
    void aNodeStartedWithTwoKeysAcceptsBoth() throws Exception {
        X25519KeyPair secondKey = X25519KeyPair.generate(random);
        SphinxKey second = new SphinxKey(secondKey.privateKey(), new InMemoryReplayFilter(GENERATION), Instant.now());
        mix = startMix(new KeyRing(second, firstKey(), Instant.now().plus(LONG)), new KeyRotation(1_000, LONG, LONG));
        assertEquals(secondKey.publicKey(), mix.publicKey());
        sendAndAwait(secondKey.publicKey(), 1);
        sendAndAwait(firstKey.publicKey(), 1);
        assertEquals(1, second.tags().size());
        assertEquals(1, firstFilterSize());
    }

    /**
     * A key whose tags may be incomplete (its filter was open when the machine went down) is replaced at
     * the first check also when the node restarted within the previous key's grace: it is then
     * accepted for the grace only, not kept in use until the previous key's grace ends first.
     */
    @Test
    void aKeyToBeReplacedAtOnceIsReplacedAtOnceAlsoBesideAPreviousKey() throws Exception {
        X25519KeyPair secondKey = X25519KeyPair.generate(random);
        SphinxKey second = new SphinxKey(secondKey.privateKey(), new InMemoryReplayFilter(GENERATION),
                SphinxKey.REPLACE_AT_ONCE);
        mix = startMix(new KeyRing(second, firstKey(), Instant.now().plus(LONG)), new KeyRotation(1_000, LONG, LONG));
        X25519PublicKey third = awaitKeyInUse(0);
        assertNotEquals(secondKey.publicKey(), third);
        sendAndAwait(secondKey.publicKey(), 1); // accepted for the grace
        assertEquals(List.of(firstKey()), store.retired, "the key before it retires, as when a full filter replaces it");
    }

    @Test
    void whileNoNewKeyCanBeStoredAFullFilterDropsPacketsInsteadOfForgetting() throws Exception {
        store.failing = true;
        mix = startMix(KeyRing.of(firstKey()), new KeyRotation(GENERATION, LONG, LONG));
        List<SphinxPacket> sent = sendAndAwait(firstKey.publicKey(), 2 * GENERATION);
        client.send(mix.localAddress(), packetFor(firstKey.publicKey()));
        Await.until("the packet dropped for a full filter", DEADLINE,
                () -> mix.metrics().dropped(DropReason.KEY_FULL) == 1);
        client.send(mix.localAddress(), sent.getFirst()); // a replay, dropped as the filter is full
        Await.until("the replay dropped", DEADLINE, () -> mix.metrics().dropped(DropReason.KEY_FULL) == 2);
        assertEquals(firstKey.publicKey(), mix.publicKey());
        assertEquals(2 * GENERATION, arrived.size());
        assertTrue(store.attempts > 0);
    }

    @Test
    void aFullFilterReplacesTheKeyEvenBelowItsPacketCount() throws Exception {
        SphinxKey small = new SphinxKey(firstKey.privateKey(), new InMemoryReplayFilter(2), Instant.now());
        mix = startMix(KeyRing.of(small), new KeyRotation(1_000, LONG, LONG));
        sendAndAwait(firstKey.publicKey(), 4); // fills 2 × 2
        sendAndAwait(awaitKeyInUse(0), 1);
    }

    @Test
    void thePreviousKeyUnwrapsNothingAfterItsEndOfGraceEvenBeforeItIsRetired() throws Exception {
        X25519KeyPair secondKey = X25519KeyPair.generate(random);
        SphinxKey second = new SphinxKey(secondKey.privateKey(), new InMemoryReplayFilter(GENERATION), Instant.now());
        Instant end = Instant.now().plusMillis(300);
        // Checks every second: the first, at the start, finds the grace running.
        mix = startMix(new KeyRing(second, firstKey(), end), new KeyRotation(1_000, LONG, LONG));
        Await.until("the end of the grace", DEADLINE, () -> Instant.now().isAfter(end));
        client.send(mix.localAddress(), packetFor(firstKey.publicKey()));
        Await.until("the packet for the ended key dropped", DEADLINE,
                () -> mix.metrics().dropped(DropReason.BAD_PACKET) == 1);
        assertEquals(0, firstFilterSize());
    }

    @Test
    void aStartThatCannotListenReplacesNoKey() throws Exception {
        SphinxKey old = new SphinxKey(firstKey.privateKey(), new InMemoryReplayFilter(GENERATION), Instant.EPOCH);
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            MixNodeConfig config = MixNodeConfig.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    taken.getLocalPort()));
            assertThrows(IOException.class, () -> MixNode.start(config, KeyRing.of(old), new KeyRotation(1_000, LONG, LONG),
                    store));
        }
        assertEquals(0, store.attempts);
    }

    @Test
    void aNodeThatNeverRotatesForgetsItsOldestTagsAsBefore() throws Exception {
        mix = MixNode.start(MixNodeConfig.defaults(LastHop.ANY_PORT), firstKey.privateKey(), new InMemoryReplayFilter(1));
        SphinxPacket first = sendAndAwait(firstKey.publicKey(), 1).getFirst();
        sendAndAwait(firstKey.publicKey(), 1);
        sendAndAwait(firstKey.publicKey(), 1); // the first tag is forgotten now
        client.send(mix.localAddress(), first);
        Await.until("the forgotten packet forwarded again", DEADLINE, () -> arrived.size() == 4);
        assertEquals(0, mix.metrics().dropped(DropReason.KEY_FULL));
    }

    private SphinxKey firstKeyInUse;

    private SphinxKey firstKey() {
        if (firstKeyInUse == null) {
            firstKeyInUse = new SphinxKey(firstKey.privateKey(), new InMemoryReplayFilter(GENERATION), Instant.now());
        }
        return firstKeyInUse;
    }

    /**
     * Waits until the node uses the key the store made {@code index}-th (the store makes it before
     * the node switches to it) and returns it.
     */
    private X25519PublicKey awaitKeyInUse(int index) {
        Await.until("key " + index + " made", DEADLINE, () -> store.made.size() > index);
        X25519PublicKey key = store.made.get(index).key().publicKey();
        Await.until("key " + index + " in use", DEADLINE, () -> mix.publicKey().equals(key));
        return key;
    }

    private long firstFilterSize() {
        return firstKey().tags().size();
    }

    private MixNode startMix(KeyRing keys, KeyRotation rotation) throws Exception {
        return MixNode.start(MixNodeConfig.defaults(LastHop.ANY_PORT), keys, rotation, store);
    }

    /** Sends {@code count} new packets built for {@code key} and waits until they all arrived. */
    private List<SphinxPacket> sendAndAwait(X25519PublicKey key, int count) throws Exception {
        int before = arrived.size();
        List<SphinxPacket> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SphinxPacket packet = packetFor(key);
            sent.add(packet);
            client.send(mix.localAddress(), packet);
        }
        Await.until(count + " packets at the last hop", DEADLINE, () -> arrived.size() == before + count);
        return sent;
    }

    private SphinxPacket packetFor(X25519PublicKey mixKey) throws Exception {
        return last.packetThrough(mix, mixKey);
    }

    /** Makes keys in memory and notes what it was asked. */
    private final class RecordingStore implements SphinxKeyStore {
        final List<SphinxKey> made = new CopyOnWriteArrayList<>();
        final List<SphinxKey> retired = new CopyOnWriteArrayList<>();
        volatile boolean failing;
        volatile int attempts;

        @Override
        public SphinxKey rotate(SphinxKey current, Instant currentRetiresAt) throws IOException {
            attempts++;
            if (failing) {
                throw new IOException("disk full");
            }
            assertNotEquals(null, currentRetiresAt);
            SphinxKey next = new SphinxKey(X25519KeyPair.generate(new SplittableRandom(made.size() + 100)).privateKey(),
                    new InMemoryReplayFilter(GENERATION), Instant.now());
            made.add(next);
            return next;
        }

        @Override
        public void retire(SphinxKey previous) {
            retired.add(previous);
        }
    }
}
