package nym.sphinx.fragment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import nym.sphinx.SphinxGeometry;

/** Where the splitter changes form: boundaries of one fragment, one set, and linked sets. */
class MessageSplitterTest {
    private static final int CAPACITY = SphinxGeometry.DEFAULT.maxMessageLength();
    private static final int UNLINKED_ROOM = CAPACITY - FragmentHeader.UNLINKED_LENGTH;
    private static final int LINKED_ROOM = CAPACITY - FragmentHeader.LINKED_LENGTH;
    private static final int SET = FragmentHeader.MAX_FRAGMENTS_PER_SET;

    private final MessageSplitter splitter =
            MessageSplitter.forGeometry(SphinxGeometry.DEFAULT, new SplittableRandom(7));

    @Test
    void capacityIsTheGeometrysMessageLength() {
        assertEquals(1007, CAPACITY);
        assertEquals(1007, splitter.capacity());
        assertEquals(255L * 1000, splitter.maxSingleSetLength());
    }

    @Test
    void emptyMessageIsOneZeroByte() {
        List<Fragment> fragments = splitter.split(new byte[0]);
        assertEquals(1, fragments.size());
        assertArrayEquals(new byte[] {0}, fragments.get(0).toBytes());
    }

    @Test
    void capacityMinusOneStillFitsOneUnfragmentedFragment() {
        byte[] message = message(CAPACITY - 1);
        List<Fragment> fragments = splitter.split(message);
        assertEquals(1, fragments.size());
        assertFalse(fragments.get(0).header().isFragmented());
        assertEquals(CAPACITY, fragments.get(0).encodedLength());
        assertArrayEquals(message, fragments.get(0).data());
    }

    @Test
    void exactlyOneCapacityNeedsTwoFragments() {
        List<Fragment> fragments = splitter.split(message(CAPACITY));
        assertEquals(2, fragments.size());
        assertSet(fragments, 2, UNLINKED_ROOM, CAPACITY - UNLINKED_ROOM);
        assertEquals(CAPACITY, fragments.get(0).encodedLength());
    }

    @Test
    void capacityPlusOneNeedsTwoFragments() {
        List<Fragment> fragments = splitter.split(message(CAPACITY + 1));
        assertSet(fragments, 2, UNLINKED_ROOM, CAPACITY + 1 - UNLINKED_ROOM);
    }

    @Test
    void fullSetIs255FullUnlinkedFragments() {
        List<Fragment> fragments = splitter.split(message(SET * UNLINKED_ROOM));
        assertEquals(SET, fragments.size());
        int setId = fragments.get(0).header().setId();
        for (Fragment f : fragments) {
            assertEquals(setId, f.header().setId());
            assertEquals(SET, f.header().totalFragments());
            assertFalse(f.header().isLinked());
            assertEquals(CAPACITY, f.encodedLength());
        }
    }

    @Test
    void oneByteMoreThanAFullSetMakesTwoLinkedSets() {
        int length = SET * UNLINKED_ROOM + 1;
        byte[] message = message(length);
        List<Fragment> fragments = splitter.split(message);
        assertEquals(SET + 1, fragments.size());
        FragmentHeader last = fragments.get(SET - 1).header();
        FragmentHeader first = fragments.get(SET).header();
        assertEquals(first.setId(), last.nextSetId().orElseThrow());
        assertEquals(last.setId(), first.previousSetId().orElseThrow());
        assertEquals(FragmentHeader.LINKED_LENGTH, last.length());
        assertEquals(CAPACITY, fragments.get(SET - 1).encodedLength());
        // The second set carries what the 3-byte link took from the first, plus the extra byte.
        assertEquals(1, first.totalFragments());
        assertEquals(4, fragments.get(SET).dataLength());
        assertArrayEquals(message, concat(fragments));
    }

    @Test
    void linkedSetBoundaries() {
        int oneWay = SET * UNLINKED_ROOM - 3;
        int twoWay = SET * UNLINKED_ROOM - 6;
        assertEquals(2, countSets(splitter.split(message(2 * oneWay))));
        assertEquals(3, countSets(splitter.split(message(2 * oneWay + 1))));
        assertEquals(3, countSets(splitter.split(message(2 * oneWay + twoWay))));
        List<Fragment> four = splitter.split(message(2 * oneWay + twoWay + 1));
        assertEquals(4, countSets(four));
        // A middle set links both ways: 10-byte headers on its first and last fragment.
        Fragment middleFirst = four.get(SET);
        Fragment middleLast = four.get(2 * SET - 1);
        assertEquals(LINKED_ROOM, middleFirst.dataLength());
        assertEquals(LINKED_ROOM, middleLast.dataLength());
        assertTrue(middleFirst.header().previousSetId().isPresent());
        assertTrue(middleLast.header().nextSetId().isPresent());
    }

    @Test
    void oneMebibyteAtDefaultCapacity() {
        byte[] message = message(1 << 20);
        List<Fragment> fragments = splitter.split(message);
        assertEquals(5, countSets(fragments));
        assertArrayEquals(message, concat(fragments));
        for (int i = 0; i < fragments.size() - 1; i++) {
            assertEquals(CAPACITY, fragments.get(i).encodedLength(), "fragment " + i);
        }
    }

    @Test
    void setIdsComeFromTheGeneratorAndAreDistinctWithinAMessage() {
        MessageSplitter stubbed =
                MessageSplitter.create(CAPACITY, new StubRandom(41, 41, 41, FragmentHeader.MAX_SET_ID - 1));
        List<Fragment> fragments = stubbed.split(message(SET * UNLINKED_ROOM + 1));
        assertEquals(42, fragments.get(0).header().setId());
        assertEquals(FragmentHeader.MAX_SET_ID, fragments.get(SET).header().setId());
        assertEquals("ffffffff", HexFormat.of().formatHex(fragments.get(SET).toBytes(), 0, 4));
    }

    @Test
    void capacityBelowTheMinimumIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MessageSplitter.create(10, new SplittableRandom()));
        assertEquals(11, MessageSplitter.create(11, new SplittableRandom()).capacity());
    }

    @Test
    void splittingDoesNotKeepTheCallersArray() {
        byte[] message = message(5);
        List<Fragment> fragments = splitter.split(message);
        message[0] = 99;
        assertEquals(0, fragments.get(0).data()[0]);
    }

    private static void assertSet(List<Fragment> fragments, int total, int... dataLengths) {
        assertEquals(total, fragments.size());
        for (int i = 0; i < total; i++) {
            FragmentHeader h = fragments.get(i).header();
            assertEquals(total, h.totalFragments());
            assertEquals(i + 1, h.currentFragment());
            assertEquals(FragmentHeader.UNLINKED_LENGTH, h.length());
            assertEquals(dataLengths[i], fragments.get(i).dataLength());
        }
    }

    static byte[] message(int length) {
        byte[] m = new byte[length];
        for (int i = 0; i < length; i++) {
            m[i] = (byte) (i * 31 + (i >>> 8));
        }
        return m;
    }

    private static long countSets(List<Fragment> fragments) {
        return fragments.stream().mapToInt(f -> f.header().setId()).distinct().count();
    }

    private static byte[] concat(List<Fragment> fragments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fragments.forEach(f -> out.writeBytes(f.data()));
        return out.toByteArray();
    }
}
