package nym.sphinx.fragment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Reassembly, duplicates, one test per refusal reason, bounds and expiry on a fake clock. */
class MessageReassemblerTest {
    private static final int CAPACITY = 100;
    private static final int ROOM = CAPACITY - FragmentHeader.UNLINKED_LENGTH;

    private final MutableClock clock = new MutableClock();
    private final MessageSplitter splitter = MessageSplitter.create(CAPACITY, new SplittableRandom(1));

    private MessageReassembler.Builder builder() {
        return MessageReassembler.builder(clock).capacity(CAPACITY);
    }

    @Test
    void returnsTheMessageOnlyWithTheLastMissingFragment() throws FragmentException {
        MessageReassembler reassembler = builder().build();
        byte[] message = MessageSplitterTest.message(5 * ROOM - 3);
        List<Fragment> fragments = new ArrayList<>(splitter.split(message));
        java.util.Collections.reverse(fragments);
        for (int i = 0; i < fragments.size() - 1; i++) {
            assertEquals(Optional.empty(), reassembler.accept(fragments.get(i).toBytes()));
        }
        assertArrayEquals(message, reassembler.accept(fragments.getLast()).orElseThrow());
        assertEquals(0, reassembler.pendingSets());
        assertEquals(0, reassembler.bufferedBytes());
    }

    @Test
    void unfragmentedMessageComesBackAtOnceAndIsNotBuffered() throws FragmentException {
        MessageReassembler reassembler = builder().build();
        assertArrayEquals(new byte[0], reassembler.accept(new byte[] {0}).orElseThrow());
        assertArrayEquals(new byte[] {1, 2}, reassembler.accept(new byte[] {0, 1, 2}).orElseThrow());
        assertEquals(0, reassembler.pendingSets());
    }

    @Test
    void oneFragmentSetAsCurrentNymSendsItReassembles() throws FragmentException {
        MessageReassembler reassembler = builder().build();
        byte[] bytes = HexFormat.of().parseHex("80000009" + "01" + "01" + "00" + "cafe");
        assertArrayEquals(new byte[] {(byte) 0xca, (byte) 0xfe}, reassembler.accept(bytes).orElseThrow());
        assertEquals(0, reassembler.pendingSets());
    }

    @Test
    void duplicatesAreIgnored() throws FragmentException {
        MessageReassembler reassembler = builder().build();
        List<Fragment> fragments = splitter.split(MessageSplitterTest.message(3 * ROOM));
        reassembler.accept(fragments.get(0));
        long held = reassembler.bufferedBytes();
        assertEquals(Optional.empty(), reassembler.accept(fragments.get(0)));
        assertEquals(held, reassembler.bufferedBytes());
        reassembler.accept(fragments.get(1));
        assertTrue(reassembler.accept(fragments.get(2)).isPresent());
    }

    @Test
    void sameSetWithAnotherTotalIsInconsistent() throws FragmentException {
        MessageReassembler reassembler = builder().build();
        reassembler.accept(Fragment.of(FragmentHeader.of(9, 3, 1), new byte[ROOM]));
        assertReason(FragmentException.Reason.INCONSISTENT,
                () -> reassembler.accept(Fragment.of(FragmentHeader.of(9, 4, 2), new byte[ROOM])));
        assertEquals(1, reassembler.pendingSets());
    }

    @Test
    void otherBytesAtAHeldPositionAreInconsistent() throws FragmentException {
        MessageReassembler reassembler = builder().build();
        reassembler.accept(Fragment.of(FragmentHeader.of(9, 3, 1), new byte[ROOM]));
        byte[] other = new byte[ROOM];
        other[0] = 1;
        assertReason(FragmentException.Reason.INCONSISTENT,
                () -> reassembler.accept(Fragment.of(FragmentHeader.of(9, 3, 1), other)));
    }

    @Test
    void setsThatDoNotLinkBackAreInconsistentAndDropped() throws FragmentException {
        MessageReassembler reassembler = builder().build();
        // Set 1 says set 2 follows it; set 3 says set 1 precedes it.
        fullSet(reassembler, 1, FragmentHeader.NO_LINK, 2);
        assertReason(FragmentException.Reason.INCONSISTENT,
                () -> reassembler.accept(
                        Fragment.of(FragmentHeader.of(3, 1, 1, 1, FragmentHeader.NO_LINK), new byte[5])));
        assertEquals(0, reassembler.pendingSets());
        assertEquals(0, reassembler.bufferedBytes());
    }

    @Test
    void aCycleOfSetsIsInconsistentNotALoop() throws FragmentException {
        MessageReassembler reassembler = builder().build();
        fullSet(reassembler, 1, 2, 2);
        FragmentException e = assertThrows(FragmentException.class, () -> fullSet(reassembler, 2, 1, 1));
        assertEquals(FragmentException.Reason.INCONSISTENT, e.reason());
        assertEquals(0, reassembler.pendingSets());
    }

    @Test
    void fragmentLongerThanTheCapacityHasBadLength() {
        MessageReassembler reassembler = builder().build();
        assertReason(FragmentException.Reason.BAD_DATA_LENGTH, () -> reassembler.accept(new byte[CAPACITY + 1]));
        assertReason(FragmentException.Reason.BAD_DATA_LENGTH,
                () -> reassembler.accept(Fragment.of(FragmentHeader.of(9, 2, 2), new byte[ROOM + 1])));
    }

    @Test
    void notLastFragmentThatDoesNotFillTheCapacityHasBadLength() {
        MessageReassembler reassembler = builder().build();
        assertReason(FragmentException.Reason.BAD_DATA_LENGTH,
                () -> reassembler.accept(Fragment.of(FragmentHeader.of(9, 2, 1), new byte[ROOM - 1])));
    }

    @Test
    void parseErrorsKeepTheirReason() {
        MessageReassembler reassembler = builder().build();
        assertReason(FragmentException.Reason.TRUNCATED, () -> reassembler.accept(new byte[] {(byte) 0x80}));
        assertReason(FragmentException.Reason.MALFORMED_HEADER,
                () -> reassembler.accept(new byte[] {1, 0, 0, 0, 1, 1, 0}));
    }

    @Test
    void bufferedBytesAreBounded() throws FragmentException {
        MessageReassembler reassembler = builder().maxBufferedBytes(2 * CAPACITY).build();
        List<Fragment> fragments = splitter.split(MessageSplitterTest.message(4 * ROOM));
        reassembler.accept(fragments.get(0));
        reassembler.accept(fragments.get(1));
        assertReason(FragmentException.Reason.BUFFER_FULL, () -> reassembler.accept(fragments.get(2)));
        assertEquals(2L * CAPACITY, reassembler.bufferedBytes());
        assertEquals(1, reassembler.pendingSets());
    }

    @Test
    void pendingSetsAreBounded() throws FragmentException {
        MessageReassembler reassembler = builder().maxPendingSets(2).build();
        reassembler.accept(Fragment.of(FragmentHeader.of(1, 2, 1), new byte[ROOM]));
        reassembler.accept(Fragment.of(FragmentHeader.of(2, 2, 1), new byte[ROOM]));
        assertReason(FragmentException.Reason.TOO_MANY_PENDING,
                () -> reassembler.accept(Fragment.of(FragmentHeader.of(3, 2, 1), new byte[ROOM])));
        // A fragment of a set already held is still welcome.
        assertTrue(reassembler.accept(Fragment.of(FragmentHeader.of(2, 2, 2), new byte[1])).isPresent());
        reassembler.accept(Fragment.of(FragmentHeader.of(3, 2, 1), new byte[ROOM]));
        assertEquals(2, reassembler.pendingSets());
    }

    @Test
    void setsExpireAfterTheirLastArrival() throws FragmentException {
        MessageReassembler reassembler = builder().expiry(Duration.ofSeconds(60)).build();
        reassembler.accept(Fragment.of(FragmentHeader.of(1, 3, 1), new byte[ROOM]));
        clock.advance(Duration.ofSeconds(50));
        reassembler.accept(Fragment.of(FragmentHeader.of(1, 3, 2), new byte[ROOM]));
        reassembler.accept(Fragment.of(FragmentHeader.of(2, 3, 1), new byte[ROOM]));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(0, reassembler.expire());
        assertEquals(2, reassembler.pendingSets());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(2, reassembler.expire());
        assertEquals(0, reassembler.pendingSets());
        assertEquals(0, reassembler.bufferedBytes());
        // The lost set's last fragment now starts a new, incomplete set.
        assertEquals(Optional.empty(), reassembler.accept(Fragment.of(FragmentHeader.of(1, 3, 3), new byte[1])));
    }

    @Test
    void expiryMakesRoomBeforeABoundIsChecked() throws FragmentException {
        MessageReassembler reassembler = builder().maxPendingSets(1).expiry(Duration.ofMinutes(1)).build();
        reassembler.accept(Fragment.of(FragmentHeader.of(1, 2, 1), new byte[ROOM]));
        assertReason(FragmentException.Reason.TOO_MANY_PENDING,
                () -> reassembler.accept(Fragment.of(FragmentHeader.of(2, 2, 1), new byte[ROOM])));
        clock.advance(Duration.ofMinutes(1));
        reassembler.accept(Fragment.of(FragmentHeader.of(2, 2, 1), new byte[ROOM]));
        assertEquals(1, reassembler.pendingSets());
    }

    @Test
    void builderRefusesSettingsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> builder().capacity(10));
        assertThrows(IllegalArgumentException.class, () -> builder().maxBufferedBytes(0));
        assertThrows(IllegalArgumentException.class, () -> builder().maxBufferedBytes(Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> builder().maxPendingSets(0));
        assertThrows(IllegalArgumentException.class, () -> builder().expiry(Duration.ZERO));
    }

    /** Feeds a full 255-fragment set with these links; @return what the last accept returned. */
    private static Optional<byte[]> fullSet(MessageReassembler reassembler, int id, int previous, int next)
            throws FragmentException {
        int last = FragmentHeader.MAX_FRAGMENTS_PER_SET;
        Optional<byte[]> result = Optional.empty();
        for (int position = 1; position <= last; position++) {
            int p = position == 1 ? previous : FragmentHeader.NO_LINK;
            int n = position == last ? next : FragmentHeader.NO_LINK;
            FragmentHeader header = FragmentHeader.of(id, last, position, p, n);
            result = reassembler.accept(Fragment.of(header, new byte[CAPACITY - header.length()]));
        }
        return result;
    }

    private static void assertReason(FragmentException.Reason expected, Executable call) {
        FragmentException e = assertThrows(FragmentException.class, call);
        assertEquals(expected, e.reason(), e.getMessage());
        assertTrue(e.getMessage().startsWith("fragment: "));
    }
}
