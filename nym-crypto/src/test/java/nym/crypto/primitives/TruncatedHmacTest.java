package nym.crypto.primitives;

import static nym.crypto.Reasons.assertReason;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import nym.crypto.CryptoException;
import nym.crypto.Vectors;

class TruncatedHmacTest {
    private static final byte[] KEY = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Valid cases must compute the tag and verify; invalid ones must be refused by verify. */
    @Test
    void knownAnswers() {
        Vectors.sweep("hmac.json", c -> {
            byte[] key = Vectors.hex(c, "key");
            byte[] data = Vectors.hex(c, "data");
            byte[] tag = Vectors.hex(c, "tag");
            TruncatedHmac.verify(key, data, 0, data.length, tag);
            assertArrayEquals(tag, TruncatedHmac.compute(key, data, 0, data.length));
        });
    }

    @Test
    void computesOverTheGivenRangeOnly() throws CryptoException {
        byte[] framed = {9, 9, 1, 2, 3, 9};
        byte[] tag = TruncatedHmac.compute(KEY, framed, 2, 3);
        assertArrayEquals(TruncatedHmac.compute(KEY, new byte[] {1, 2, 3}, 0, 3), tag);
        TruncatedHmac.verify(KEY, framed, 2, 3, tag);
        assertThrows(IndexOutOfBoundsException.class, () -> TruncatedHmac.compute(KEY, framed, 4, 3));
    }

    @Test
    void everySingleBitFlipOfTheTagIsAMismatch() throws CryptoException {
        byte[] data = {1, 2, 3};
        byte[] tag = TruncatedHmac.compute(KEY, data, 0, data.length);
        for (int bit = 0; bit < TruncatedHmac.LENGTH * 8; bit++) {
            byte[] flipped = tag.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertReason(CryptoException.Reason.MAC_MISMATCH, () -> TruncatedHmac.verify(KEY, data, 0, 3, flipped));
        }
    }

    @Test
    void wrongTagOrKeyLengthIsBadLength() throws CryptoException {
        byte[] data = {1};
        byte[] tag = TruncatedHmac.compute(KEY, data, 0, 1);
        byte[] longTag = Arrays.copyOf(tag, TruncatedHmac.LENGTH + 1);
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> TruncatedHmac.verify(KEY, data, 0, 1, longTag));
        assertReason(CryptoException.Reason.BAD_LENGTH,
                () -> TruncatedHmac.verify(KEY, data, 0, 1, Arrays.copyOf(tag, TruncatedHmac.LENGTH - 1)));
        assertReason(CryptoException.Reason.BAD_LENGTH,
                () -> TruncatedHmac.compute(Arrays.copyOf(KEY, 32), data, 0, 1));
    }

    @Test
    void aTagReadInPlaceVerifiesAndEveryBitFlipOfItIsAMismatch() throws CryptoException {
        byte[] data = {1, 2, 3};
        byte[] tag = TruncatedHmac.compute(KEY, data, 0, data.length);
        byte[] framed = new byte[TruncatedHmac.LENGTH + 7];
        System.arraycopy(tag, 0, framed, 5, TruncatedHmac.LENGTH);
        TruncatedHmac.verify(KEY, data, 0, 3, framed, 5);
        assertReason(CryptoException.Reason.MAC_MISMATCH, () -> TruncatedHmac.verify(KEY, data, 0, 3, framed, 4));
        for (int bit = 0; bit < TruncatedHmac.LENGTH * 8; bit++) {
            byte[] flipped = framed.clone();
            flipped[5 + bit / 8] ^= (byte) (1 << (bit % 8));
            assertReason(CryptoException.Reason.MAC_MISMATCH, () -> TruncatedHmac.verify(KEY, data, 0, 3, flipped, 5));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> TruncatedHmac.verify(KEY, data, 0, 3, framed, 8));
    }
    /**
     * The tag verify computes is kept in a per-thread array that outlives the call; after a mismatch
     * it is a valid tag for the data an attacker sent, so it must not stay there until the next call.
     */
    @Test
    void theExpectedTagIsWipedAfterAMatchAndAfterAMismatch() throws Exception {
        byte[] data = {1, 2, 3};
        byte[] tag = TruncatedHmac.compute(KEY, data, 0, data.length);
        TruncatedHmac.verify(KEY, data, 0, data.length, tag);
        assertArrayEquals(new byte[TruncatedHmac.LENGTH], expectedBuffer(), "after a match");
        byte[] wrong = tag.clone();
        wrong[0] ^= 1;
        assertReason(CryptoException.Reason.MAC_MISMATCH, () -> TruncatedHmac.verify(KEY, data, 0, 3, wrong));
        assertArrayEquals(new byte[TruncatedHmac.LENGTH], expectedBuffer(), "after a mismatch");
    }

    @SuppressWarnings("unchecked")
    private static byte[] expectedBuffer() throws ReflectiveOperationException {
        Field f = TruncatedHmac.class.getDeclaredField("EXPECTED");
        f.setAccessible(true);
        return ((ThreadLocal<byte[]>) f.get(null)).get();
    }
}
