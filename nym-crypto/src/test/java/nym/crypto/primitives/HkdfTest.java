package nym.crypto.primitives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import nym.crypto.Vectors;

class HkdfTest {
    @Test
    void knownAnswers() {
        Vectors.sweep("hkdf.json", c -> assertArrayEquals(Vectors.hex(c, "okm"),
                Hkdf.deriveSha256(Vectors.hex(c, "ikm"), Vectors.hex(c, "info"), c.path("length").asInt())));
    }

    @Test
    void shorterOutputIsAPrefixOfLongerOutput() {
        byte[] ikm = {1, 2, 3};
        byte[] info = {4};
        byte[] full = Hkdf.deriveSha256(ikm, info, 100);
        for (int length : new int[] {1, 31, 32, 33, 64, 99}) {
            assertArrayEquals(Arrays.copyOf(full, length), Hkdf.deriveSha256(ikm, info, length), "length " + length);
        }
    }

    @Test
    void theOutputMayOverwriteItsInputs() {
        byte[] ikm = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] info = new byte[100];
        Arrays.fill(info, (byte) 9);

        byte[] infoAndOut = info.clone();
        Hkdf.deriveSha256(ikm, infoAndOut, infoAndOut, 5, 90);
        assertArrayEquals(Hkdf.deriveSha256(ikm, info, 90), Arrays.copyOfRange(infoAndOut, 5, 95));

        byte[] ikmAndOut = Arrays.copyOf(ikm, 90);
        byte[] expected = Hkdf.deriveSha256(ikmAndOut.clone(), info, 90);
        Hkdf.deriveSha256(ikmAndOut, info, ikmAndOut, 0, 90);
        assertArrayEquals(expected, ikmAndOut);
    }

    @Test
    void outputLengthLimits() {
        assertEquals(Hkdf.MAX_OUTPUT_LENGTH, Hkdf.deriveSha256(new byte[1], new byte[0], Hkdf.MAX_OUTPUT_LENGTH).length);
        assertThrows(IllegalArgumentException.class, () -> Hkdf.deriveSha256(new byte[1], new byte[0], 0));
        assertThrows(IllegalArgumentException.class,
                () -> Hkdf.deriveSha256(new byte[1], new byte[0], Hkdf.MAX_OUTPUT_LENGTH + 1));
        assertThrows(NullPointerException.class, () -> Hkdf.deriveSha256(null, new byte[0], 1));
    }
}
