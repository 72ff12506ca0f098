package nym.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConstantTimeTest {
    @Test
    void equalComparesLengthAndEveryByte() {
        assertTrue(ConstantTime.equal(new byte[0], new byte[0]));
        assertTrue(ConstantTime.equal(new byte[] {1, 2, 3}, new byte[] {1, 2, 3}));
        assertFalse(ConstantTime.equal(new byte[] {1, 2, 3}, new byte[] {1, 2, 4}), "last byte");
        assertFalse(ConstantTime.equal(new byte[] {1, 2, 3}, new byte[] {0, 2, 3}), "first byte");
        assertFalse(ConstantTime.equal(new byte[] {1, 2, 3}, new byte[] {1, 2}), "prefix");
        assertFalse(ConstantTime.equal(new byte[] {1, 2}, new byte[] {1, 2, 3}), "extension");
    }

    @Test
    void equalSeesEverySingleBitFlip() {
        byte[] a = new byte[32];
        for (int bit = 0; bit < a.length * 8; bit++) {
            byte[] b = a.clone();
            b[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(ConstantTime.equal(a, b), "bit " + bit);
        }
    }

    @Test
    void allZeroLooksOnlyAtTheRange() {
        byte[] data = {7, 0, 0, 0, 7};
        assertTrue(ConstantTime.allZero(data, 1, 3));
        assertTrue(ConstantTime.allZero(data, 0, 0), "empty range");
        assertFalse(ConstantTime.allZero(data, 0, 3), "non-zero first byte");
        assertFalse(ConstantTime.allZero(data, 2, 3), "non-zero last byte");
    }

    @Test
    void allZeroSeesEverySingleBit() {
        for (int bit = 0; bit < 8; bit++) {
            byte[] data = new byte[4];
            data[2] = (byte) (1 << bit);
            assertFalse(ConstantTime.allZero(data, 0, data.length), "bit " + bit);
        }
    }

    @Test
    void allZeroRejectsARangeOutsideTheArray() {
        assertThrows(IndexOutOfBoundsException.class, () -> ConstantTime.allZero(new byte[4], 2, 3));
    }
}
