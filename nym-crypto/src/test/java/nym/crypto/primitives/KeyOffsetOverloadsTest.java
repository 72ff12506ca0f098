package nym.crypto.primitives;

import static nym.crypto.Reasons.assertReason;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import nym.crypto.CryptoException;

/**
 * The overloads that read a key at an offset of a larger array (the sender keeps every hop's keys in
 * one array): the key is taken from exactly that range, whatever surrounds it, and a range that does
 * not fit the array is refused before anything is computed.
 */
class KeyOffsetOverloadsTest {
    private static final int OFFSET = 7;
    private final SplittableRandom random = new SplittableRandom(224);

    @Test
    void theStreamCipherReadsTheKeyAtTheOffset() throws CryptoException {
        byte[] key = bytes(StreamCipher.KEY_LENGTH);
        byte[] framed = framed(key);
        byte[] in = bytes(40);
        byte[] expected = new byte[100];
        byte[] actual = new byte[100];
        StreamCipher.encryptPadded(key, in, 0, in.length, expected, 0, expected.length);
        StreamCipher.encryptPadded(framed, OFFSET, in, 0, in.length, actual, 0, actual.length);
        assertArrayEquals(expected, actual);
    }

    @Test
    void theStreamCipherRefusesAKeyRangeOutsideTheArray() {
        byte[] key = bytes(StreamCipher.KEY_LENGTH + 3);
        byte[] out = new byte[16];
        for (int offset : new int[] {-1, 4, key.length}) {
            assertThrows(IndexOutOfBoundsException.class,
                    () -> StreamCipher.encryptPadded(key, offset, out, 0, 0, out, 0, out.length), "offset " + offset);
        }
        assertThrows(NullPointerException.class, () -> StreamCipher.encryptPadded(null, 0, out, 0, 0, out, 0, 16));
    }

    @Test
    void theMacReadsTheKeyAtTheOffsetAndWritesTheTagAtItsOffset() throws CryptoException {
        byte[] key = bytes(TruncatedHmac.KEY_LENGTH);
        byte[] framed = framed(key);
        byte[] data = bytes(64);
        byte[] tags = bytes(TruncatedHmac.LENGTH + 10);
        byte[] before = tags.clone();
        TruncatedHmac.computeInto(framed, OFFSET, data, 3, 50, tags, 5);
        assertArrayEquals(TruncatedHmac.compute(key, data, 3, 50), Arrays.copyOfRange(tags, 5, 5 + TruncatedHmac.LENGTH));
        assertArrayEquals(Arrays.copyOf(before, 5), Arrays.copyOf(tags, 5));
        assertArrayEquals(Arrays.copyOfRange(before, 21, 26), Arrays.copyOfRange(tags, 21, 26));

        TruncatedHmac.verify(framed, OFFSET, data, 3, 50, tags, 5);
        byte[] shifted = framed.clone();
        shifted[OFFSET + TruncatedHmac.KEY_LENGTH - 1] ^= 1; // the key's last byte, read from the offset
        assertReason(CryptoException.Reason.MAC_MISMATCH,
                () -> TruncatedHmac.verify(shifted, OFFSET, data, 3, 50, tags, 5));
    }

    @Test
    void theMacRefusesAKeyOrTagRangeOutsideItsArray() {
        byte[] key = bytes(TruncatedHmac.KEY_LENGTH + 3);
        byte[] data = bytes(32);
        byte[] tags = new byte[TruncatedHmac.LENGTH];
        for (int offset : new int[] {-1, 4, key.length}) {
            assertThrows(IndexOutOfBoundsException.class,
                    () -> TruncatedHmac.computeInto(key, offset, data, 0, 32, tags, 0), "offset " + offset);
            assertThrows(IndexOutOfBoundsException.class,
                    () -> TruncatedHmac.verify(key, offset, data, 0, 32, tags, 0), "offset " + offset);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> TruncatedHmac.computeInto(key, 0, data, 0, 32, tags, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> TruncatedHmac.computeInto(key, 0, data, 1, 32, tags, 0));
        assertThrows(NullPointerException.class, () -> TruncatedHmac.computeInto(null, 0, data, 0, 32, tags, 0));
    }

    @Test
    void lionessReadsTheKeyAtTheOffset() throws CryptoException {
        byte[] key = bytes(Lioness.KEY_LENGTH);
        byte[] framed = framed(key);
        byte[] plain = bytes(100);
        byte[] expected = plain.clone();
        byte[] actual = plain.clone();
        Lioness.encrypt(key, expected, 0, expected.length);
        Lioness.encrypt(framed, OFFSET, actual, 0, actual.length);
        assertArrayEquals(expected, actual);
        Lioness.decrypt(framed, OFFSET, actual, 0, actual.length);
        assertArrayEquals(plain, actual);
    }

    @Test
    void lionessRefusesAKeyRangeOutsideTheArray() {
        byte[] key = bytes(Lioness.KEY_LENGTH + 3);
        byte[] block = bytes(64);
        for (int offset : new int[] {-1, 4, key.length}) {
            assertThrows(IndexOutOfBoundsException.class,
                    () -> Lioness.encrypt(key, offset, block, 0, block.length), "offset " + offset);
            assertThrows(IndexOutOfBoundsException.class,
                    () -> Lioness.decrypt(key, offset, block, 0, block.length), "offset " + offset);
        }
        assertThrows(NullPointerException.class, () -> Lioness.encrypt(null, 0, block, 0, block.length));
    }

    /** {@code key} at {@link #OFFSET} of an array with random bytes on both sides. */
    private byte[] framed(byte[] key) {
        byte[] framed = bytes(OFFSET + key.length + 9);
        System.arraycopy(key, 0, framed, OFFSET, key.length);
        return framed;
    }

    private byte[] bytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}
