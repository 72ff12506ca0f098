package nym.sphinx.fragment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Once {@code maxPendingSets} sets are held, a new message waits, but the later sets of a message
 * already begun are still taken (up to {@link MessageReassembler#CONTINUATION_ALLOWANCE} times the
 * bound), so that the messages begun can finish and make room.
 */
class ContinuationSetsTest {
    private static final int CAPACITY = 20; // 13 bytes of data a fragment, 3,315 bytes a set

    private static MessageReassembler oneSet() {
        return MessageReassembler.builder(new MutableClock()).capacity(CAPACITY).maxPendingSets(1).build();
    }

    private static List<Fragment> split(int length, long seed) {
        byte[] message = new byte[length];
        new SplittableRandom(seed).nextBytes(message);
        return MessageSplitter.create(CAPACITY, new SplittableRandom(seed)).split(message);
    }

    private static byte[] join(List<Fragment> fragments) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        fragments.forEach(f -> out.writeBytes(f.data()));
        return out.toByteArray();
    }

    @Test
    void aMessageBegunFinishesWhileANewOneWaits() throws FragmentException {
        List<Fragment> begun = split(8_000, 1); // three linked sets
        List<Fragment> waiting = split(100, 2);
        MessageReassembler reassembler = oneSet();
        reassembler.accept(begun.get(0));
        assertEquals(FragmentException.Reason.TOO_MANY_PENDING,
                assertThrows(FragmentException.class, () -> reassembler.accept(waiting.get(0))).reason());

        Optional<byte[]> message = Optional.empty();
        for (Fragment fragment : begun.subList(1, begun.size())) {
            assertTrue(message.isEmpty());
            message = reassembler.accept(fragment);
        }
        assertArrayEquals(join(begun), message.orElseThrow(), "its later sets were taken beyond the bound");
        assertEquals(0, reassembler.pendingSets());
        assertTrue(reassembler.accept(waiting.get(0)).isEmpty(), "and the new one has room now");
    }

    @Test
    void aSetIsTakenByItsOwnLinkBeforeTheHeldSetNamesIt() throws FragmentException {
        List<Fragment> begun = split(5_000, 6); // two linked sets
        int setSize = FragmentHeader.MAX_FRAGMENTS_PER_SET;
        MessageReassembler reassembler = oneSet();
        for (Fragment fragment : begun.subList(0, setSize - 1)) {
            reassembler.accept(fragment); // the first set, but its last fragment (which names the second)
        }
        Fragment secondFirst = begun.get(setSize);
        assertTrue(reassembler.continuesHeldSet(secondFirst.header()), "it names the held set as its previous");
        assertTrue(reassembler.accept(secondFirst).isEmpty());
        assertEquals(2, reassembler.pendingSets(), "taken beyond the bound of one");
        assertFalse(reassembler.continuesHeldSet(split(100, 7).get(0).header()), "an unrelated set is not");
    }

    @Test
    void theSetsOfOneMessageStopAtTheAllowance() throws FragmentException {
        int sets = MessageReassembler.CONTINUATION_ALLOWANCE + 2;
        List<Fragment> fragments = split(sets * 3_315 - 100, 3);
        MessageReassembler reassembler = oneSet();
        FragmentException refused = null;
        for (Fragment fragment : fragments) {
            try {
                reassembler.accept(fragment);
            } catch (FragmentException e) {
                refused = e;
                break;
            }
        }
        assertEquals(FragmentException.Reason.TOO_MANY_PENDING, refused == null ? null : refused.reason());
        assertEquals(MessageReassembler.CONTINUATION_ALLOWANCE, reassembler.pendingSets());
    }
}
