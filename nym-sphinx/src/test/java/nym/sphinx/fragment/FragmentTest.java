package nym.sphinx.fragment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Fragment values: encoding, copying, and refusal of bad bytes. */
class FragmentTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void encodesHeaderThenData() throws FragmentException {
        Fragment fragment = Fragment.of(FragmentHeader.of(3, 2, 2), HEX.parseHex("aabbcc"));
        assertEquals("80000003" + "02" + "02" + "00" + "aabbcc", HEX.formatHex(fragment.toBytes()));
        assertEquals(10, fragment.encodedLength());
        assertEquals(3, fragment.dataLength());
        assertEquals(fragment, Fragment.fromBytes(fragment.toBytes()));
    }

    @Test
    void emptyUnfragmentedMessageIsOneByte() throws FragmentException {
        Fragment fragment = Fragment.fromBytes(new byte[] {0});
        assertFalse(fragment.header().isFragmented());
        assertEquals(0, fragment.dataLength());
        assertArrayEquals(new byte[] {0}, fragment.toBytes());
    }

    @Test
    void bytesAreCopiedInAndOut() throws FragmentException {
        byte[] input = HEX.parseHex("00010203");
        Fragment fragment = Fragment.fromBytes(input);
        input[1] = 9;
        fragment.data()[0] = 9;
        fragment.toBytes()[1] = 9;
        assertArrayEquals(HEX.parseHex("010203"), fragment.data());

        byte[] data = HEX.parseHex("0102");
        Fragment made = Fragment.of(FragmentHeader.unfragmented(), data);
        data[0] = 9;
        assertArrayEquals(HEX.parseHex("0102"), made.data());
    }

    @Test
    void nullAndEmptyAreTruncated() {
        assertEquals(FragmentException.Reason.TRUNCATED,
                assertThrows(FragmentException.class, () -> Fragment.fromBytes(null)).reason());
        assertEquals(FragmentException.Reason.TRUNCATED,
                assertThrows(FragmentException.class, () -> Fragment.fromBytes(new byte[0])).reason());
    }

    @Test
    void toStringShowsNoData() throws FragmentException {
        Fragment fragment = Fragment.fromBytes(HEX.parseHex("00" + "deadbeef"));
        assertFalse(fragment.toString().toLowerCase().contains("deadbeef"));
        assertEquals("Fragment[FragmentHeader[unfragmented], 4 data bytes]", fragment.toString());
    }
}
