package nym.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.provider.client.ClientMessageStore;
import nym.provider.store.Inboxes;
import nym.sphinx.SphinxGeometry;
import nym.crypto.SecretAccess;
import nym.crypto.keys.X25519KeyPair;
import nym.provider.client.Delivery;
import nym.provider.client.ReceivedMessage;
import nym.sphinx.PacketProcessor;
import nym.sphinx.ProcessedPacket;
import nym.sphinx.SphinxPacket;
import nym.sphinx.route.Delay;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.NodeAddress;
import nym.sphinx.surb.Surb;
import nym.sphinx.surb.SurbBuilder;
import nym.traffic.client.CoverMessage;

/**
 * Reassembly into the durable store: any order, cover discarded, and a message half-received
 * before a crash completes after the restart.
 */
class ReceivedPayloadsTest {
    private static final SphinxGeometry GEOMETRY = TestPayloads.GEOMETRY;

    private static long nextProviderId = 1;

    /** Reads every complete message and deletes it, as an application's fetch does. */
    private static List<byte[]> take(ClientMessageStore store) throws Exception {
        List<nym.provider.client.ReceivedMessage> batch = store.peekMessages(1000, Long.MAX_VALUE, java.util.Set.of());
        store.deleteMessages(batch.stream().map(nym.provider.client.ReceivedMessage::id).toList());
        return batch.stream().map(nym.provider.client.ReceivedMessage::body).toList();
    }

    private static void deliver(ClientMessageStore store, ReceivedPayloads received, byte[] payload) throws Exception {
        received.accept(store.storePayload("provider", nextProviderId++, payload).orElseThrow(), payload);
    }

    @Test
    void fragmentsInAnyOrderBecomeOneMessageAndCoverIsDiscarded(@TempDir Path dir) throws Exception {
        byte[] message = new byte[300_000];
        new SplittableRandom(4).nextBytes(message);
        List<byte[]> payloads = TestPayloads.fragments(message, 5);
        assertTrue(payloads.size() > 255, "long enough for linked sets");
        Collections.shuffle(payloads, new java.util.Random(6));
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            ReceivedPayloads received = new ReceivedPayloads(store, GEOMETRY);
            deliver(store, received, TestPayloads.payload(CoverMessage.loop()));
            for (byte[] payload : payloads) {
                deliver(store, received, payload);
            }
            deliver(store, received, TestPayloads.fragments("short".getBytes(), 7).get(0));
            List<byte[]> messages = take(store);
            assertEquals(2, messages.size());
            assertArrayEquals(message, messages.get(0));
            assertArrayEquals("short".getBytes(), messages.get(1));
            assertEquals(0, store.payloads().size(), "every payload was used up or discarded");
            assertEquals(0, take(store).size(), "taken messages are gone");
        }
    }

    @Test
    void partialMessagesAreHeldInTheStoreNotInMemory(@TempDir Path dir) throws Exception {
        byte[] message = new byte[300_000];
        new SplittableRandom(15).nextBytes(message);
        List<byte[]> payloads = TestPayloads.fragments(message, 16);
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            ReceivedPayloads received = new ReceivedPayloads(store, GEOMETRY);
            received.catchUp();
            int half = payloads.size() / 2;
            for (byte[] payload : payloads.subList(0, half)) {
                deliver(store, received, payload);
            }
            assertEquals(half * nym.sphinx.fragment.MessageReassembler.DETACHED_FRAGMENT_BYTES, received.heldBytes(),
                    "a fixed count a fragment, not its 1 KB of data");
            for (byte[] payload : payloads.subList(half, payloads.size())) {
                deliver(store, received, payload);
            }
            assertArrayEquals(message, take(store).get(0), "read back from the store whole");
            assertEquals(0, received.heldBytes());
        }
    }

    @Test
    void aMessageOverTheLimitIsDiscardedAndASmallerOneIsNot(@TempDir Path dir) throws Exception {
        byte[] large = new byte[20_000];
        byte[] small = new byte[5_000];
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            ReceivedPayloads received = new ReceivedPayloads(store, GEOMETRY, () -> nym.sphinx.fragment.MessageReassembler
                    .builder(java.time.Clock.systemUTC()).geometry(GEOMETRY).detached().build(), 10_000);
            received.catchUp();
            for (byte[] payload : TestPayloads.fragments(large, 17)) {
                deliver(store, received, payload);
            }
            assertEquals(0, store.messageCount(), "not put together");
            assertEquals(List.of(), store.payloads(), "and its fragments are gone");
            for (byte[] payload : TestPayloads.fragments(small, 18)) {
                deliver(store, received, payload);
            }
            assertArrayEquals(small, take(store).get(0));
        }
    }

    @Test
    void aStartWhoseReadingBackFailsHalfWayReadsEverythingAgainAtTheNextCall(@TempDir Path dir) throws Exception {
        byte[] message = new byte[300_000];
        new SplittableRandom(19).nextBytes(message);
        List<byte[]> payloads = TestPayloads.fragments(message, 20);
        Path file = dir.resolve("received.db");
        try (ClientMessageStore store = Inboxes.openClientStore(file)) {
            ReceivedPayloads received = new ReceivedPayloads(store, GEOMETRY);
            received.catchUp();
            for (byte[] payload : payloads.subList(0, 250)) {
                deliver(store, received, payload);
            }
        }
        try (ClientMessageStore real = Inboxes.openClientStore(file)) {
            // The second page of the start's reading back fails, as an I/O error would.
            ClientMessageStore store = FailingClientStore.wrap(real, "payloads", 2, () -> {}).proxy();
            ReceivedPayloads received = new ReceivedPayloads(store, GEOMETRY);
            assertThrows(nym.provider.ProviderException.class, received::catchUp);
            received.catchUp(); // what a pull does first
            for (byte[] payload : payloads.subList(250, payloads.size())) {
                deliver(store, received, payload);
            }
            assertArrayEquals(message, take(store).get(0), "every fragment was fed in");
        }
    }

    /**
     * A fragment that contradicts a held one is refused, but its header may still name a set of another
     * message as its neighbour: completing one message must not delete the other's fragments.
     */
    @Test
    void aContradictingFragmentThatLinksTwoMessagesCostsNeither(@TempDir Path dir) throws Exception {
        byte[] first = new byte[5_000];
        byte[] second = new byte[3_000];
        new SplittableRandom(21).nextBytes(first);
        new SplittableRandom(22).nextBytes(second);
        List<byte[]> firstPayloads = TestPayloads.fragments(first, 23);
        List<byte[]> secondPayloads = TestPayloads.fragments(second, 24);
        nym.sphinx.fragment.FragmentHeader firstSet = fragmentIn(firstPayloads.get(0)).header();
        nym.sphinx.fragment.FragmentHeader secondSet = fragmentIn(secondPayloads.get(0)).header();
        int capacity = GEOMETRY.maxMessageLength();
        byte[] bogus = TestPayloads.payload(nym.sphinx.fragment.Fragment.of(nym.sphinx.fragment.FragmentHeader.of(
                secondSet.setId(), secondSet.totalFragments(), 1, firstSet.setId(), 0),
                new byte[capacity - nym.sphinx.fragment.FragmentHeader.LINKED_LENGTH]).toBytes());
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            ReceivedPayloads received = new ReceivedPayloads(store, GEOMETRY);
            received.catchUp();
            deliver(store, received, firstPayloads.get(0));
            deliver(store, received, secondPayloads.get(0));
            deliver(store, received, bogus); // refused: the second message's fragment 1 is held
            for (byte[] payload : secondPayloads.subList(1, secondPayloads.size())) {
                deliver(store, received, payload);
            }
            for (byte[] payload : firstPayloads.subList(1, firstPayloads.size())) {
                deliver(store, received, payload);
            }
            List<byte[]> messages = take(store);
            assertEquals(2, messages.size());
            assertArrayEquals(second, messages.get(0));
            assertArrayEquals(first, messages.get(1));
        }
    }

    private static nym.sphinx.fragment.Fragment fragmentIn(byte[] payload) throws Exception {
        return nym.sphinx.fragment.Fragment.fromBytes(nym.sphinx.PacketPayload.fromBytes(payload).recoverMessage());
    }

    @Test
    void aRedeliveredPayloadIsStoredOnce(@TempDir Path dir) throws Exception {
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            byte[] payload = TestPayloads.fragments("once".getBytes(), 10).get(0);
            assertTrue(store.storePayload("p", 41, payload).isPresent());
            assertTrue(store.storePayload("p", 41, payload).isEmpty(), "the same provider id again");
            assertTrue(store.storePayload("p", 7, payload).isEmpty(), "an older provider id");
            assertTrue(store.storePayload("other", 41, payload).isPresent(), "ids are per provider");
            assertEquals(2, store.payloads().size());
        }
    }

    @Test
    void aHalfReceivedMessageCompletesAfterARestart(@TempDir Path dir) throws Exception {
        byte[] message = new byte[300_000]; // 300 fragments: the restart reads them back a page at a time
        new SplittableRandom(8).nextBytes(message);
        List<byte[]> payloads = TestPayloads.fragments(message, 9);
        Path file = dir.resolve("received.db");
        try (ClientMessageStore store = Inboxes.openClientStore(file)) {
            ReceivedPayloads received = new ReceivedPayloads(store, GEOMETRY);
            for (byte[] payload : payloads.subList(0, 250)) {
                deliver(store, received, payload);
            }
            assertEquals(0, store.messageCount());
        }
        try (ClientMessageStore store = Inboxes.openClientStore(file)) {
            ReceivedPayloads received = new ReceivedPayloads(store, GEOMETRY);
            received.catchUp();
            for (byte[] payload : payloads.subList(250, payloads.size())) {
                deliver(store, received, payload);
            }
            assertArrayEquals(message, take(store).get(0));
        }
    }

    @Test
    void aMessageWithASurbIsStoredWithItAndAReplyThroughItIsDecrypted(@TempDir Path dir) throws Exception {
        X25519KeyPair provider = X25519KeyPair.generate(new SplittableRandom(12));
        DestinationAddress alice = DestinationAddress.fromBytes(new byte[DestinationAddress.LENGTH]);
        SurbBuilder.Created created = SurbBuilder.create(GEOMETRY)
                .route(List.of(new Hop(NodeAddress.fromBytes(new byte[NodeAddress.LENGTH]), provider.publicKey())))
                .delays(List.of(Delay.ZERO)).destination(alice).random(new SplittableRandom(13)).build();
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            ReceivedPayloads received = new ReceivedPayloads(store, GEOMETRY);
            // Bob's side: alice's message arrives with her SURB.
            byte[] envelope = ReplyEnvelope.wrap(created.surb().toBytes(), "answer me".getBytes());
            for (byte[] fragment : TestPayloads.fragments(envelope, 14)) {
                deliver(store, received, fragment);
            }
            ReceivedMessage atBob = store.peekMessages(10, Long.MAX_VALUE, java.util.Set.of()).get(0);
            assertArrayEquals("answer me".getBytes(), atBob.body());
            assertArrayEquals(created.surb().toBytes(), atBob.replySurb());
            store.deleteMessages(List.of(atBob.id()));

            // Alice's side: the reply arrives through her provider, which processed the SURB's last layer.
            store.saveReplyKeys(created.decryptionKeys().surbId().toByteArray(),
                    created.decryptionKeys().toBytes(SecretAccess.insecureGrant()));
            SphinxPacket reply = Surb.fromBytes(GEOMETRY, atBob.replySurb()).createReply("the answer".getBytes());
            ProcessedPacket.FinalHop atProvider = (ProcessedPacket.FinalHop) PacketProcessor.forKey(provider.privateKey())
                    .process(reply);
            byte[] stored = new Delivery(atProvider.surbId(), atProvider.payload().toBytes()).toBytes();
            assertTrue(received.accept(store.storePayload("provider", nextProviderId++, stored).orElseThrow(), stored));
            assertEquals(List.of("the answer"), take(store).stream().map(String::new).toList());
            assertTrue(store.replyKeys(created.decryptionKeys().surbId().toByteArray()).isEmpty(), "used up");

            // The same reply again finds no keys and is dropped.
            assertFalse(received.accept(store.storePayload("provider", nextProviderId++, stored).orElseThrow(), stored));
            assertEquals(List.of(), take(store));
        }
    }
}
