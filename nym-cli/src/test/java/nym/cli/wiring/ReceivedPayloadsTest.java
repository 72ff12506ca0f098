package nym.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.provider.client.ClientMessageStore;
import nym.provider.store.Inboxes;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.fragment.Fragment;
import nym.sphinx.fragment.MessageSplitter;
import nym.traffic.client.CoverMessage;

/**
 * Reassembly into the durable store: any order, cover discarded, and a message half-received
 * before a crash completes after the restart.
 */
class ReceivedPayloadsTest {
    private static final SphinxGeometry GEOMETRY = SphinxGeometry.DEFAULT;

    /** A payload as the final hop leaves it: the padded plaintext of {@code message}. */
    private static byte[] payload(byte[] message) {
        byte[] payload = new byte[GEOMETRY.payloadLength()];
        System.arraycopy(message, 0, payload, SphinxGeometry.PAYLOAD_ZERO_PREFIX, message.length);
        payload[SphinxGeometry.PAYLOAD_ZERO_PREFIX + message.length] = SphinxGeometry.PAYLOAD_TERMINATOR;
        return payload;
    }

    private static List<byte[]> fragments(byte[] message, long seed) {
        List<byte[]> out = new ArrayList<>();
        for (Fragment fragment : MessageSplitter.forGeometry(GEOMETRY, new SplittableRandom(seed)).split(message)) {
            out.add(payload(fragment.toBytes()));
        }
        return out;
    }

    private static long nextProviderId = 1;

    /** Reads every complete message and deletes it, as an application's fetch does. */
    private static List<byte[]> take(ClientMessageStore store) throws Exception {
        List<nym.provider.store.StoredMessage> batch = store.peekMessages(1000, Long.MAX_VALUE, java.util.Set.of());
        store.deleteMessages(batch.stream().map(nym.provider.store.StoredMessage::id).toList());
        return batch.stream().map(nym.provider.store.StoredMessage::payload).toList();
    }

    private static void deliver(ClientMessageStore store, ReceivedPayloads received, byte[] payload) throws Exception {
        received.accept(store.storePayload("provider", nextProviderId++, payload).orElseThrow(), payload);
    }

    @Test
    void fragmentsInAnyOrderBecomeOneMessageAndCoverIsDiscarded(@TempDir Path dir) throws Exception {
        byte[] message = new byte[300_000];
        new SplittableRandom(4).nextBytes(message);
        List<byte[]> payloads = fragments(message, 5);
        assertTrue(payloads.size() > 255, "long enough for linked sets");
        Collections.shuffle(payloads, new java.util.Random(6));
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            ReceivedPayloads received = new ReceivedPayloads(store, GEOMETRY);
            deliver(store, received, payload(CoverMessage.loop()));
            for (byte[] payload : payloads) {
                deliver(store, received, payload);
            }
            deliver(store, received, fragments("short".getBytes(), 7).get(0));
            List<byte[]> messages = take(store);
            assertEquals(2, messages.size());
            assertArrayEquals(message, messages.get(0));
            assertArrayEquals("short".getBytes(), messages.get(1));
            assertEquals(0, store.payloads().size(), "every payload was used up or discarded");
            assertEquals(0, take(store).size(), "taken messages are gone");
        }
    }

    @Test
    void aRedeliveredPayloadIsStoredOnce(@TempDir Path dir) throws Exception {
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            byte[] payload = fragments("once".getBytes(), 10).get(0);
            assertTrue(store.storePayload("p", 41, payload).isPresent());
            assertTrue(store.storePayload("p", 41, payload).isEmpty(), "the same provider id again");
            assertTrue(store.storePayload("p", 7, payload).isEmpty(), "an older provider id");
            assertTrue(store.storePayload("other", 41, payload).isPresent(), "ids are per provider");
            assertEquals(2, store.payloads().size());
        }
    }

    @Test
    void aHalfReceivedMessageCompletesAfterARestart(@TempDir Path dir) throws Exception {
        byte[] message = new byte[5_000];
        new SplittableRandom(8).nextBytes(message);
        List<byte[]> payloads = fragments(message, 9);
        Path file = dir.resolve("received.db");
        try (ClientMessageStore store = Inboxes.openClientStore(file)) {
            ReceivedPayloads received = new ReceivedPayloads(store, GEOMETRY);
            for (byte[] payload : payloads.subList(0, 3)) {
                deliver(store, received, payload);
            }
            assertEquals(0, store.messageCount());
        }
        try (ClientMessageStore store = Inboxes.openClientStore(file)) {
            ReceivedPayloads received = new ReceivedPayloads(store, GEOMETRY);
            received.replayStored();
            for (byte[] payload : payloads.subList(3, payloads.size())) {
                deliver(store, received, payload);
            }
            assertArrayEquals(message, take(store).get(0));
        }
    }
}
