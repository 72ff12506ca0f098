package nym.sphinx.fragment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.OptionalInt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Exact byte layouts of the three header forms, and one negative test per way a header is bad. */
class FragmentHeaderTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void unfragmentedHeaderIsOneZeroByte() throws FragmentException {
        FragmentHeader header = FragmentHeader.unfragmented();
        assertArrayEquals(new byte[] {0}, header.toBytes());
        assertEquals(1, header.length());
        assertFalse(header.isFragmented());
        assertEquals(0, header.setId());
        assertEquals(1, header.totalFragments());
        assertEquals(1, header.currentFragment());
        assertEquals(header, FragmentHeader.read(HEX.parseHex("00ffff")));
    }

    @Test
    void unlinkedHeaderIsFlaggedIdTotalCurrentAndZero() throws FragmentException {
        FragmentHeader header = FragmentHeader.of(0x12345678, 10, 3);
        assertEquals("92345678" + "0a" + "03" + "00", HEX.formatHex(header.toBytes()));
        assertEquals(7, header.length());
        assertTrue(header.isFragmented());
        assertFalse(header.isLinked());
        assertEquals(header, FragmentHeader.read(header.toBytes()));
    }

    @Test
    void previousLinkSitsOnFragmentOneAsFlaggedId() throws FragmentException {
        FragmentHeader header = FragmentHeader.of(5, 255, 1, 0x01020304, FragmentHeader.NO_LINK);
        assertEquals("80000005" + "ff" + "01" + "81020304", HEX.formatHex(header.toBytes()));
        assertEquals(10, header.length());
        assertEquals(OptionalInt.of(0x01020304), header.previousSetId());
        assertEquals(OptionalInt.empty(), header.nextSetId());
        assertEquals(header, FragmentHeader.read(header.toBytes()));
    }

    @Test
    void previousLinkOnASingleFragmentSet() throws FragmentException {
        FragmentHeader header = FragmentHeader.read(HEX.parseHex("80000009" + "01" + "01" + "80000007"));
        assertEquals(OptionalInt.of(7), header.previousSetId());
        assertEquals(1, header.totalFragments());
    }

    @Test
    void nextLinkSitsOnFragment255Of255() throws FragmentException {
        FragmentHeader header = FragmentHeader.of(FragmentHeader.MAX_SET_ID, 255, 255, FragmentHeader.NO_LINK, 1);
        assertEquals("ffffffff" + "ff" + "ff" + "80000001", HEX.formatHex(header.toBytes()));
        assertEquals(OptionalInt.of(1), header.nextSetId());
        assertEquals(OptionalInt.empty(), header.previousSetId());
        assertEquals(header, FragmentHeader.read(header.toBytes()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "80", "800000010101", "8000000101018000", "800000010101800000"})
    void shortInputIsTruncated(String hex) {
        FragmentException e = assertThrows(FragmentException.class, () -> FragmentHeader.read(HEX.parseHex(hex)));
        assertEquals(FragmentException.Reason.TRUNCATED, e.reason());
        assertTrue(e.getMessage().startsWith("fragment: "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "05000001010100", // first byte neither 0x00 nor flagged
        "80000000010100", // set id 0
        "80000001000100", // total 0
        "80000001010000", // current 0
        "80000001020300", // current beyond total
        "80000001ff0101000002", // link byte without its flag
        "800000010a0580000002", // link on a middle fragment
        "800000010a0a80000002", // next link on a last fragment of a set shorter than 255
        "800000010a0180000001", // previous link to its own set
        "800000010a0180000000", // link to set 0
        "80000001ffff80000001", // next link to its own set
    })
    void inconsistentHeaderIsMalformed(String hex) {
        FragmentException e = assertThrows(FragmentException.class, () -> FragmentHeader.read(HEX.parseHex(hex)));
        assertEquals(FragmentException.Reason.MALFORMED_HEADER, e.reason(), e.getMessage());
    }

    @Test
    void factoryRefusesWhatReadRefuses() {
        int none = FragmentHeader.NO_LINK;
        assertMalformed(() -> FragmentHeader.of(0, 1, 1));
        assertMalformed(() -> FragmentHeader.of(-5, 1, 1));
        assertMalformed(() -> FragmentHeader.of(1, 256, 1));
        assertMalformed(() -> FragmentHeader.of(1, 2, 3));
        assertMalformed(() -> FragmentHeader.of(1, 3, 2, 9, none));
        assertMalformed(() -> FragmentHeader.of(1, 254, 254, none, 9));
        assertMalformed(() -> FragmentHeader.of(1, 255, 255, none, -9));
        assertMalformed(() -> FragmentHeader.of(1, 255, 1, 1, none));
    }

    private static void assertMalformed(org.junit.jupiter.api.function.Executable call) {
        FragmentException e = assertThrows(FragmentException.class, call);
        assertEquals(FragmentException.Reason.MALFORMED_HEADER, e.reason());
    }
}
