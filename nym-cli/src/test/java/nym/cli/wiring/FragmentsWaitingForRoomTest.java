package nym.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.provider.client.ClientMessageStore;
import nym.provider.client.ReceivedMessage;
import nym.provider.store.Inboxes;
import nym.sphinx.fragment.Fragment;
import nym.sphinx.fragment.FragmentHeader;
import nym.sphinx.fragment.MessageReassembler;
import nym.sphinx.fragment.MessageSplitter;

/**
 * A fragment the reassembler has no room for waits in the store and is handed on as soon as there
 * is room (a message completes, or a partial one expires at a pull), not only at the next start.
 */
class FragmentsWaitingForRoomTest {
    private static final Duration EXPIRY = Duration.ofMinutes(5);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T12:00:00Z"));
    private final InstantSource clock = now::get;
    private long nextProviderId = 1;

    /** @return reassembly into {@code store}, started as the client starts it */
    private ReceivedPayloads received(ClientMessageStore store, int maxSets, long maxBytes) throws Exception {
        ReceivedPayloads received = new ReceivedPayloads(store, TestPayloads.GEOMETRY, () -> MessageReassembler
                .builder(clock).geometry(TestPayloads.GEOMETRY).detached().maxPendingSets(maxSets)
                .maxBufferedBytes(maxBytes).expiry(EXPIRY).build(), ReceivedPayloads.MAX_MESSAGE_BYTES);
        received.catchUp();
        return received;
    }

    private void deliver(ClientMessageStore store, ReceivedPayloads received, byte[] payload) throws Exception {
        received.accept(store.storePayload("provider", nextProviderId++, payload).orElseThrow(), payload);
    }

    private static List<byte[]> messages(ClientMessageStore store) throws Exception {
        return store.peekMessages(100, Long.MAX_VALUE, Set.of()).stream().map(ReceivedMessage::body).toList();
    }

    private static void assertBothArrived(ClientMessageStore store, byte[] first, byte[] second, String why)
            throws Exception {
        List<byte[]> messages = messages(store);
        assertEquals(2, messages.size(), why);
        assertArrayEquals(first, messages.get(0));
        assertArrayEquals(second, messages.get(1));
        assertEquals(List.of(), store.payloads(), "every fragment was used");
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aMessageWithoutRoomCompletesOnceAnotherOneDoes(@TempDir Path dir) throws Exception {
        byte[] first = random(5_000, 1);
        byte[] second = random(5_000, 2);
        List<byte[]> firstFragments = TestPayloads.fragments(first, 3);
        List<byte[]> secondFragments = TestPayloads.fragments(second, 4);
        assertTrue(firstFragments.size() > 1 && secondFragments.size() > 1, "both need reassembly");
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            ReceivedPayloads received = received(store, 1, 64L << 20);
            deliver(store, received, firstFragments.get(0));
            for (byte[] fragment : secondFragments) {
                deliver(store, received, fragment); // one partial message at most: these wait
            }
            assertEquals(List.of(), messages(store));
            for (byte[] fragment : firstFragments.subList(1, firstFragments.size())) {
                deliver(store, received, fragment);
            }
            assertBothArrived(store, first, second, "the waiting message completed without a restart");
        }
    }

    /**
     * Two messages of two linked sets each, their fragments interleaved, with room for one set: the
     * message begun takes its second set beyond the bound, finishes, and the other follows.
     */
    @Test
    void interleavedMessagesOfSeveralSetsAllCompleteWithRoomForOneSet(@TempDir Path dir) throws Exception {
        byte[] first = random(300_000, 11);
        byte[] second = random(300_000, 12);
        List<byte[]> firstFragments = TestPayloads.fragments(first, 13);
        List<byte[]> secondFragments = TestPayloads.fragments(second, 14);
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            ReceivedPayloads received = received(store, 1, 64L << 20);
            for (int i = 0; i < Math.max(firstFragments.size(), secondFragments.size()); i++) {
                if (i < firstFragments.size()) {
                    deliver(store, received, firstFragments.get(i));
                }
                if (i < secondFragments.size()) {
                    deliver(store, received, secondFragments.get(i));
                }
            }
            assertBothArrived(store, first, second, "no message stalled");
        }
    }

    /**
     * With room for one set, a message's second set arrives first (without its first fragment), then
     * another message's fragment, which waits, then its first set but the last fragment, which waits
     * too: nothing links it to the held set yet. The second set's first fragment names the first set
     * as its previous: that link lets the waiting set in at once, though a fragment that still finds
     * no room waits ahead of it.
     */
    @Test
    void aLinkLearntLetsTheWaitingSetOfTheSameMessageIn(@TempDir Path dir) throws Exception {
        byte[] message = random(300_000, 15);
        List<byte[]> fragments = TestPayloads.fragments(message, 16);
        int setSize = FragmentHeader.MAX_FRAGMENTS_PER_SET;
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            ReceivedPayloads received = received(store, 1, 64L << 20);
            for (byte[] fragment : fragments.subList(setSize + 1, fragments.size())) {
                deliver(store, received, fragment);
            }
            deliver(store, received, TestPayloads.fragments(random(5_000, 17), 18).get(0));
            for (byte[] fragment : fragments.subList(0, setSize - 1)) {
                deliver(store, received, fragment);
            }
            long secondSetHeld = (fragments.size() - setSize - 1) * MessageReassembler.DETACHED_FRAGMENT_BYTES;
            assertEquals(secondSetHeld, received.heldBytes(), "the first set waits");

            deliver(store, received, fragments.get(setSize)); // names the first set as its previous
            assertEquals(secondSetHeld + setSize * MessageReassembler.DETACHED_FRAGMENT_BYTES, received.heldBytes(),
                    "the first set is taken, all but its last fragment, which has not come");
            deliver(store, received, fragments.get(setSize - 1));
            assertArrayEquals(message, messages(store).get(0));
        }
    }

    /**
     * A message's second set waits for bytes while junk linked to its first set fills the allowance;
     * another message's fragment waits ahead of it. When the junk expires, the second set is handed on
     * as the continuation of the held first set, though the other fragment still finds no room.
     */
    @Test
    void aWaitingSetThatContinuesAHeldOneIsHandedOnOnceJunkExpires(@TempDir Path dir) throws Exception {
        List<Fragment> message = MessageSplitter.forGeometry(TestPayloads.GEOMETRY, new SplittableRandom(19))
                .split(random(300_000, 20));
        int setSize = FragmentHeader.MAX_FRAGMENTS_PER_SET;
        List<Fragment> firstSet = message.subList(0, setSize);
        List<Fragment> secondSet = message.subList(setSize, message.size());
        int capacity = TestPayloads.GEOMETRY.maxMessageLength();
        List<Fragment> junk = new ArrayList<>(); // a set that names the first set as its previous, never complete
        for (int i = 1; i <= secondSet.size(); i++) {
            boolean linked = i == 1;
            junk.add(Fragment.of(FragmentHeader.of(777_777, setSize, i, linked ? firstSet.get(0).header().setId()
                    : FragmentHeader.NO_LINK, FragmentHeader.NO_LINK), new byte[capacity
                    - (linked ? FragmentHeader.LINKED_LENGTH : FragmentHeader.UNLINKED_LENGTH)]));
        }
        long room = (setSize + secondSet.size()) * MessageReassembler.DETACHED_FRAGMENT_BYTES;
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            ReceivedPayloads received = received(store, 1, room);
            deliverAll(store, received, firstSet.subList(0, setSize - 1));
            deliver(store, received, TestPayloads.fragments(random(5_000, 21), 22).get(0)); // waits: a new set
            deliverAll(store, received, junk);
            now.set(now.get().plus(Duration.ofMinutes(2)));
            deliverAll(store, received, List.of(firstSet.get(setSize - 1)));
            deliverAll(store, received, secondSet); // no bytes left: waits
            assertEquals(room, received.heldBytes(), "the first set and the junk are held");

            now.set(now.get().plus(Duration.ofMinutes(3)).plusSeconds(1));
            received.catchUp(); // the junk expired: room for the second set
            assertEquals(1, messages(store).size(), "the message completed");
        }
    }

    private void deliverAll(ClientMessageStore store, ReceivedPayloads received, List<Fragment> fragments)
            throws Exception {
        for (Fragment fragment : fragments) {
            deliver(store, received, TestPayloads.payload(fragment.toBytes()));
        }
    }

    @Test
    void waitingFragmentsAreHandedOnAtAPullOnceAPartialMessageExpired(@TempDir Path dir) throws Exception {
        byte[] abandoned = random(5_000, 5);
        byte[] waiting = random(3_000, 6);
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            ReceivedPayloads received = received(store, 1, 64L << 20);
            deliver(store, received, TestPayloads.fragments(abandoned, 7).get(0));
            for (byte[] fragment : TestPayloads.fragments(waiting, 8)) {
                deliver(store, received, fragment);
            }
            received.catchUp();
            assertEquals(List.of(), messages(store), "nothing expired yet");

            now.set(now.get().plus(EXPIRY).plusSeconds(1));
            received.catchUp(); // what a pull does first
            List<byte[]> messages = messages(store);
            assertEquals(1, messages.size());
            assertArrayEquals(waiting, messages.get(0));
            assertEquals(List.of(), store.payloads(), "the abandoned message's fragment was dropped");
        }
    }

    @Test
    void fragmentsWaitingForBytesOfASetThatExpiredAreDroppedWithIt(@TempDir Path dir) throws Exception {
        List<byte[]> fragments = TestPayloads.fragments(random(5_000, 9), 10);
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            // Room for one fragment: the first is held, the others wait.
            ReceivedPayloads received = received(store, 10, MessageReassembler.DETACHED_FRAGMENT_BYTES);
            for (byte[] fragment : fragments.subList(0, 3)) {
                deliver(store, received, fragment);
            }
            assertEquals(3, store.payloads().size());

            now.set(now.get().plus(EXPIRY).plusSeconds(1));
            received.catchUp();
            assertEquals(List.of(), store.payloads(), "the message can no longer complete: all of it is dropped");
            assertEquals(List.of(), messages(store));
        }
    }
}
