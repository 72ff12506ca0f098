package nym.crypto.primitives;

import static nym.crypto.Reasons.assertReason;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nym.crypto.CryptoException;

class LionessTest {
    /** Bytes of L, the left half. */
    private static final int LEFT = 32;

    @ParameterizedTest
    @ValueSource(ints = {33, 34, 63, 64, 65, 1024, 2048 + 7})
    void decryptInvertsEncrypt(int blockLength) throws CryptoException {
        SplittableRandom random = new SplittableRandom(blockLength);
        byte[] key = randomBytes(random, Lioness.KEY_LENGTH);
        byte[] plaintext = randomBytes(random, blockLength);
        byte[] block = plaintext.clone();
        Lioness.encrypt(key, block);
        assertFalse(Arrays.equals(plaintext, block), "encryption changed nothing");
        assertFalse(Arrays.equals(Arrays.copyOf(plaintext, LEFT), Arrays.copyOf(block, LEFT)), "left half unchanged");
        Lioness.decrypt(key, block);
        assertArrayEquals(plaintext, block);
    }

    /**
     * Every single-bit flip of the ciphertext garbles both halves of the decryption. R has at least
     * 16 bytes here: with a one-byte R (a 33-byte block) a flip of L leaves R intact with
     * probability 1/256, so that size cannot have this property.
     */
    @ParameterizedTest
    @ValueSource(ints = {48, 65, 256})
    void everyBitFlipChangesBothHalves(int blockLength) throws CryptoException {
        SplittableRandom random = new SplittableRandom(blockLength + 1);
        byte[] key = randomBytes(random, Lioness.KEY_LENGTH);
        byte[] plaintext = randomBytes(random, blockLength);
        byte[] ciphertext = plaintext.clone();
        Lioness.encrypt(key, ciphertext);
        List<Integer> weakBits = new ArrayList<>();
        for (int bit = 0; bit < blockLength * 8; bit++) {
            byte[] block = ciphertext.clone();
            block[bit / 8] ^= (byte) (1 << (bit % 8));
            Lioness.decrypt(key, block);
            if (sameRange(plaintext, block, 0, LEFT) || sameRange(plaintext, block, LEFT, blockLength)) {
                weakBits.add(bit);
            }
        }
        assertEquals(List.of(), weakBits, "bits whose flip left a half of the plaintext intact");
    }

    /** A block inside a larger array: the same bytes as the block alone, and nothing outside it touched. */
    @ParameterizedTest
    @ValueSource(ints = {33, 1024})
    void blockAtAnOffsetMatchesTheBlockAlone(int blockLength) throws CryptoException {
        SplittableRandom random = new SplittableRandom(blockLength + 2);
        byte[] key = randomBytes(random, Lioness.KEY_LENGTH);
        byte[] block = randomBytes(random, blockLength);
        byte[] framed = new byte[blockLength + 20];
        Arrays.fill(framed, (byte) 0x5A);
        System.arraycopy(block, 0, framed, 7, blockLength);
        byte[] expectedFrame = framed.clone();

        Lioness.encrypt(key, block);
        Lioness.encrypt(key, framed, 7, blockLength);
        System.arraycopy(block, 0, expectedFrame, 7, blockLength);
        assertArrayEquals(expectedFrame, framed);

        Lioness.decrypt(key, block);
        Lioness.decrypt(key, framed, 7, blockLength);
        System.arraycopy(block, 0, expectedFrame, 7, blockLength);
        assertArrayEquals(expectedFrame, framed);
    }

    @Test
    void blockOutsideTheArrayIsRefused() {
        byte[] key = new byte[Lioness.KEY_LENGTH];
        byte[] data = new byte[64];
        assertThrows(IndexOutOfBoundsException.class, () -> Lioness.decrypt(key, data, 1, 64));
        assertThrows(IndexOutOfBoundsException.class, () -> Lioness.encrypt(key, data, -1, 40));
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> Lioness.decrypt(key, data, 10, 32));
    }

    @Test
    void differentKeysGiveDifferentCiphertexts() throws CryptoException {
        byte[] key = new byte[Lioness.KEY_LENGTH];
        byte[] a = new byte[64];
        byte[] b = new byte[64];
        Lioness.encrypt(key, a);
        key[Lioness.KEY_LENGTH - 1] = 1;
        Lioness.encrypt(key, b);
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void wrongKeyLengthIsRefused() {
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> Lioness.encrypt(new byte[Lioness.KEY_LENGTH - 1], new byte[64]));
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> Lioness.decrypt(new byte[Lioness.KEY_LENGTH + 1], new byte[64]));
    }

    @Test
    void blockWithoutRightHalfIsRefused() {
        byte[] block = new byte[32];
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> Lioness.encrypt(new byte[Lioness.KEY_LENGTH], block));
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> Lioness.decrypt(new byte[Lioness.KEY_LENGTH], block));
        assertTrue(Arrays.equals(new byte[32], block), "refused block untouched");
        assertEquals(33, Lioness.MIN_BLOCK_LENGTH);
        assertEquals(192, Lioness.KEY_LENGTH);
    }

    private static boolean sameRange(byte[] a, byte[] b, int from, int to) {
        return Arrays.equals(a, from, to, b, from, to);
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
