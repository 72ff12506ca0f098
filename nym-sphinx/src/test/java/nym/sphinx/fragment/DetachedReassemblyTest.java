package nym.sphinx.fragment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;

/**
 * A detached reassembler keeps no fragment data, only handles to where its caller keeps the
 * fragments: it completes the same messages, in any order, with duplicates, and hands back the
 * handles in message order; its bound on bytes counts a fixed amount per fragment.
 */
class DetachedReassemblyTest {
    private static MessageReassembler detached(int capacity) {
        return MessageReassembler.builder(new MutableClock()).capacity(capacity).detached()
                .maxBufferedBytes(MessageReassembler.Builder.MAX_BUFFERED_BYTES).build();
    }

    @Property(tries = 60)
    void theHandlesPutTheMessageBackTogetherInAnyOrderWithDuplicates(
            @ForAll @IntRange(min = 11, max = 200) int capacity, @ForAll @IntRange(min = 0, max = 60_000) int length,
            @ForAll long seed) throws FragmentException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] message = new byte[length];
        random.nextBytes(message);
        List<Fragment> fragments = MessageSplitter.create(capacity, random).split(message);
        // The caller's store: handle i is fragments.get(i). Every fragment arrives once, some twice.
        List<Integer> arrivals = new ArrayList<>();
        for (int i = 0; i < fragments.size(); i++) {
            arrivals.add(i);
            if (random.nextInt(4) == 0) {
                arrivals.add(i);
            }
        }
        Collections.shuffle(arrivals, new Random(seed));
        MessageReassembler reassembler = detached(capacity);
        Optional<long[]> handles = Optional.empty();
        for (int i = 0; i < arrivals.size() && handles.isEmpty(); i++) {
            handles = reassembler.acceptDetached(fragments.get(arrivals.get(i)), arrivals.get(i));
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (long handle : handles.orElseThrow()) {
            whole.writeBytes(fragments.get((int) handle).data());
        }
        assertArrayEquals(message, whole.toByteArray());
        assertEquals(fragments.size(), handles.get().length, "each fragment once");
        assertEquals(0, reassembler.pendingSets());
        assertEquals(0, reassembler.bufferedBytes());
    }

    @Test
    void aFragmentThatContradictsAHeldOneIsRefusedAndAnExactDuplicateIgnored() throws FragmentException {
        byte[] message = new byte[50];
        List<Fragment> fragments = MessageSplitter.create(20, new SplittableRandom(1)).split(message);
        Fragment first = fragments.get(0);
        byte[] otherData = first.data();
        otherData[0] ^= 1;
        Fragment contradicting = Fragment.of(first.header(), otherData);
        MessageReassembler reassembler = detached(20);

        assertTrue(reassembler.acceptDetached(first, 1).isEmpty());
        assertTrue(reassembler.acceptDetached(first, 2).isEmpty(), "an exact duplicate, ignored");
        FragmentException refused = assertThrows(FragmentException.class,
                () -> reassembler.acceptDetached(contradicting, 3));
        assertEquals(FragmentException.Reason.INCONSISTENT, refused.reason());
        assertEquals(MessageReassembler.DETACHED_FRAGMENT_BYTES, reassembler.bufferedBytes(),
                "one fragment held, counted at the fixed size, not its " + first.encodedLength() + " bytes");
        Optional<long[]> handles = Optional.empty();
        for (int i = 1; i < fragments.size(); i++) {
            assertTrue(handles.isEmpty());
            handles = reassembler.acceptDetached(fragments.get(i), 10 + i);
        }
        long[] expected = new long[fragments.size()];
        expected[0] = 1; // the first of the duplicates is the one kept
        for (int i = 1; i < expected.length; i++) {
            expected[i] = 10 + i;
        }
        assertArrayEquals(expected, handles.orElseThrow());
    }

    @Test
    void aMessageOfOneFragmentComesBackAsItsOwnHandle() throws FragmentException {
        Fragment whole = MessageSplitter.create(100, new SplittableRandom(2)).split(new byte[10]).get(0);
        assertArrayEquals(new long[] {42}, detached(100).acceptDetached(whole, 42).orElseThrow());
    }

    @Test
    void theBoundsAndExpiryWorkAsWhenAttached() throws FragmentException {
        MutableClock clock = new MutableClock();
        MessageReassembler reassembler = MessageReassembler.builder(clock).capacity(20).detached().maxPendingSets(1)
                .maxBufferedBytes(2 * MessageReassembler.DETACHED_FRAGMENT_BYTES).expiry(Duration.ofMinutes(1)).build();
        List<Fragment> first = MessageSplitter.create(20, new SplittableRandom(4)).split(new byte[60]);
        List<Fragment> second = MessageSplitter.create(20, new SplittableRandom(5)).split(new byte[60]);
        reassembler.acceptDetached(first.get(0), 1);
        assertEquals(FragmentException.Reason.TOO_MANY_PENDING,
                assertThrows(FragmentException.class, () -> reassembler.acceptDetached(second.get(0), 2)).reason());
        reassembler.acceptDetached(first.get(1), 3);
        assertEquals(FragmentException.Reason.BUFFER_FULL,
                assertThrows(FragmentException.class, () -> reassembler.acceptDetached(first.get(2), 4)).reason());

        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, reassembler.expire());
        assertEquals(0, reassembler.bufferedBytes());
        assertTrue(reassembler.acceptDetached(second.get(0), 2).isEmpty(), "room again once the first expired");
    }

    @Test
    void eachReassemblerTakesOnlyItsOwnKindOfCall() {
        Fragment fragment = MessageSplitter.create(100, new SplittableRandom(3)).split(new byte[10]).get(0);
        assertThrows(IllegalStateException.class, () -> detached(100).accept(fragment));
        MessageReassembler attached = MessageReassembler.builder(new MutableClock()).capacity(100).build();
        assertThrows(IllegalStateException.class, () -> attached.acceptDetached(fragment, 1));
    }
}
