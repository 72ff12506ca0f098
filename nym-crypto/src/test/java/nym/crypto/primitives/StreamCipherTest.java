package nym.crypto.primitives;

import static nym.crypto.Reasons.assertReason;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.SplittableRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import nym.crypto.CryptoException;

/**
 * The key stream against AES-128 in ECB mode applied to the counter blocks 0, 1, 2, ... (big-endian
 * 128-bit counters), computed here with the JCA: the definition of CTR mode in NIST SP 800-38A 6.5.
 */
class StreamCipherTest {
    @Test
    void keystreamIsAesOfCounterBlocksFromZero() throws Exception {
        SplittableRandom random = new SplittableRandom(31);
        for (int length : new int[] {0, 1, 15, 16, 17, 100, 1024}) {
            byte[] key = new byte[StreamCipher.KEY_LENGTH];
            random.nextBytes(key);
            assertArrayEquals(counterBlocks(key, length), StreamCipher.keystream(key, length), "length " + length);
        }
    }

    @Test
    void counterCarriesAcrossBytes() throws Exception {
        byte[] key = new byte[StreamCipher.KEY_LENGTH];
        int length = 257 * 16 + 5;
        assertArrayEquals(counterBlocks(key, length), StreamCipher.keystream(key, length));
    }

    @Test
    void xorInPlaceXorsTheKeystreamIntoTheRange() throws CryptoException {
        byte[] key = new byte[StreamCipher.KEY_LENGTH];
        key[0] = 1;
        byte[] data = new byte[40];
        Arrays.fill(data, (byte) 0x5A);
        StreamCipher.xorInPlace(key, data, 3, 30);
        byte[] stream = StreamCipher.keystream(key, 30);
        for (int i = 0; i < data.length; i++) {
            byte expected = i >= 3 && i < 33 ? (byte) (0x5A ^ stream[i - 3]) : 0x5A;
            assertEquals(expected, data[i], "byte " + i);
        }
        StreamCipher.xorInPlace(key, data, 3, 30);
        byte[] original = new byte[40];
        Arrays.fill(original, (byte) 0x5A);
        assertArrayEquals(original, data, "xor twice restores the data");
    }

    @Test
    void encryptPaddedIsTheInputThenZerosXorTheKeystream() throws Exception {
        SplittableRandom random = new SplittableRandom(32);
        int[][] lengths = {{0, 0}, {0, 17}, {5, 5}, {300, 330}, {17, 1100}, {600, 600}};
        for (int[] pair : lengths) {
            int inLength = pair[0];
            int outLength = pair[1];
            byte[] key = new byte[StreamCipher.KEY_LENGTH];
            random.nextBytes(key);
            byte[] in = new byte[inLength + 7];
            random.nextBytes(in);
            byte[] out = new byte[outLength + 9];
            Arrays.fill(out, (byte) 0x33);
            StreamCipher.encryptPadded(key, in, 4, inLength, out, 5, outLength);

            byte[] expected = Arrays.copyOf(out, out.length);
            byte[] stream = counterBlocks(key, outLength);
            for (int i = 0; i < outLength; i++) {
                expected[5 + i] = (byte) ((i < inLength ? in[4 + i] : 0) ^ stream[i]);
            }
            Arrays.fill(expected, 0, 5, (byte) 0x33);
            Arrays.fill(expected, 5 + outLength, expected.length, (byte) 0x33);
            assertArrayEquals(expected, out, inLength + " into " + outLength);
        }
    }

    @Test
    void encryptPaddedInPlaceGivesTheSameBytes() throws CryptoException {
        byte[] key = new byte[StreamCipher.KEY_LENGTH];
        key[3] = 7;
        byte[] data = new byte[64];
        Arrays.fill(data, 0, 40, (byte) 0x5A);
        byte[] separate = new byte[64];
        StreamCipher.encryptPadded(key, data, 0, 40, separate, 0, 64);
        StreamCipher.encryptPadded(key, data, 0, 40, data, 0, 64);
        assertArrayEquals(separate, data);

        // The output overlapping the input further on: read as it was, not as the output overwrites it.
        byte[] shifted = new byte[80];
        new SplittableRandom(8).nextBytes(shifted);
        byte[] expected = shifted.clone();
        StreamCipher.encryptPadded(key, shifted.clone(), 0, 40, expected, 10, 60);
        StreamCipher.encryptPadded(key, shifted, 0, 40, shifted, 10, 60);
        assertArrayEquals(expected, shifted);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> StreamCipher.encryptPadded(new byte[16], new byte[8], 0, 8, new byte[8], 0, 7));
        assertThrows(IndexOutOfBoundsException.class,
                () -> StreamCipher.encryptPadded(new byte[16], new byte[8], 2, 8, new byte[8], 0, 8));
        assertReason(CryptoException.Reason.BAD_LENGTH,
                () -> StreamCipher.encryptPadded(new byte[17], new byte[8], 0, 8, new byte[8], 0, 8));
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> StreamCipher.keystream(new byte[32], 16));
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> StreamCipher.xorInPlace(new byte[15], new byte[4], 0, 4));
        assertThrows(IllegalArgumentException.class, () -> StreamCipher.keystream(new byte[16], -1));
        assertThrows(IndexOutOfBoundsException.class, () -> StreamCipher.xorInPlace(new byte[16], new byte[4], 2, 3));
    }

    private static byte[] counterBlocks(byte[] key, int length) throws GeneralSecurityException {
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        int blocks = (length + 15) / 16;
        byte[] counters = new byte[blocks * 16];
        for (int block = 0; block < blocks; block++) {
            for (int i = 0; i < 4; i++) {
                counters[block * 16 + 15 - i] = (byte) (block >>> (8 * i));
            }
        }
        return Arrays.copyOf(ecb.doFinal(counters), length);
    }
}
