package nym.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FixedBytesTest {
    /** Two subclasses of the same length, to show that equality also compares the class. */
    private static final class Tag extends FixedBytes {
        Tag(byte[] bytes) {
            super(bytes, 4);
        }
    }

    /** Read out of a larger array, as packets' fields are. */
    private static final class ReadTag extends FixedBytes {
        ReadTag(byte[] source, int offset) {
            super(source, offset, 4);
        }
    }

    private static final class OtherTag extends FixedBytes {
        OtherTag(byte[] bytes) {
            super(bytes, 4);
        }
    }

    @Test
    void mutatingTheInputDoesNotChangeTheValue() {
        byte[] input = {1, 2, 3, 4};
        Tag tag = new Tag(input);
        input[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3, 4}, tag.toByteArray());
    }

    @Test
    void mutatingTheOutputDoesNotChangeTheValue() {
        Tag tag = new Tag(new byte[] {1, 2, 3, 4});
        tag.toByteArray()[0] = 9;
        byte[] destination = new byte[6];
        tag.copyTo(destination, 1);
        destination[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3, 4}, tag.toByteArray());
    }

    @Test
    void aValueReadAtAnOffsetIsACopyOfThoseBytes() {
        byte[] source = {9, 1, 2, 3, 4, 9};
        ReadTag tag = new ReadTag(source, 1);
        source[1] = 7;
        assertArrayEquals(new byte[] {1, 2, 3, 4}, tag.toByteArray());
        assertThrows(IndexOutOfBoundsException.class, () -> new ReadTag(source, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> new ReadTag(source, -1));
    }

    @Test
    void contentEqualsComparesTheBytesAtTheOffset() {
        Tag tag = new Tag(new byte[] {1, 2, 3, 4});
        assertTrue(tag.contentEquals(new byte[] {0, 1, 2, 3, 4}, 1));
        assertFalse(tag.contentEquals(new byte[] {0, 1, 2, 3, 5}, 1));
        assertFalse(tag.contentEquals(new byte[] {1, 2, 3, 4, 0}, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> tag.contentEquals(new byte[] {1, 2, 3, 4}, 1));
    }

    @Test
    void copyToWritesAtTheOffset() {
        byte[] destination = new byte[6];
        new Tag(new byte[] {1, 2, 3, 4}).copyTo(destination, 2);
        assertArrayEquals(new byte[] {0, 0, 1, 2, 3, 4}, destination);
        assertThrows(IndexOutOfBoundsException.class, () -> new Tag(new byte[4]).copyTo(new byte[6], 3));
    }

    @Test
    void equalsComparesClassAndBytes() {
        Tag tag = new Tag(new byte[] {1, 2, 3, 4});
        assertEquals(tag, new Tag(new byte[] {1, 2, 3, 4}));
        assertEquals(tag.hashCode(), new Tag(new byte[] {1, 2, 3, 4}).hashCode());
        assertNotEquals(tag, new Tag(new byte[] {1, 2, 3, 5}));
        assertNotEquals(tag, new OtherTag(new byte[] {1, 2, 3, 4}));
        assertNotEquals(tag, null);
    }

    @Test
    void wrongLengthIsABugNotBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new Tag(new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> new Tag(new byte[5]));
        assertThrows(NullPointerException.class, () -> new Tag(null));
    }

    @Test
    void textForms() {
        Tag tag = new Tag(new byte[] {0, (byte) 0xAB, 0x10, 0x61});
        assertEquals(4, tag.length());
        assertEquals("00ab1061", tag.toHex());
        assertEquals(Base58.encode(tag.toByteArray()), tag.toBase58());
        assertEquals("Tag[00ab1061]", tag.toString());
    }
}
