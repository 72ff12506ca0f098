package nym.sphinx.internal.payload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import nym.crypto.primitives.Lioness;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;

/** The in-place forms the packet builder uses give what the array-of-its-own forms give. */
class PayloadCodecTest {
    private static final SphinxGeometry GEOMETRY = SphinxGeometry.DEFAULT;

    @Test
    void padIntoOverwritesItsWholeRangeAndNothingElse() throws SphinxException {
        for (int length : new int[] {0, 1, 100, GEOMETRY.maxMessageLength()}) {
            byte[] message = new byte[length];
            new SplittableRandom(length).nextBytes(message);
            int offset = 9;
            byte[] out = new byte[offset + GEOMETRY.payloadLength() + 4];
            Arrays.fill(out, (byte) 0xFF);
            PayloadCodec.padInto(GEOMETRY, message, out, offset);
            assertArrayEquals(PayloadCodec.pad(GEOMETRY, message),
                    Arrays.copyOfRange(out, offset, offset + GEOMETRY.payloadLength()), "length " + length);
            for (int i : new int[] {0, offset - 1, offset + GEOMETRY.payloadLength(), out.length - 1}) {
                assertEquals((byte) 0xFF, out[i], "byte " + i + " outside the payload");
            }
        }
    }

    @Test
    void padIntoRefusesWhatDoesNotFit() {
        byte[] out = new byte[GEOMETRY.payloadLength()];
        SphinxException tooLong = assertThrows(SphinxException.class,
                () -> PayloadCodec.padInto(GEOMETRY, new byte[GEOMETRY.maxMessageLength() + 1], out, 0));
        assertEquals(SphinxException.Reason.MESSAGE_TOO_LONG, tooLong.reason());
        assertThrows(IndexOutOfBoundsException.class, () -> PayloadCodec.padInto(GEOMETRY, new byte[1], out, 1));
    }

    @Test
    void layersAtAnOffsetEqualLayersOnTheirOwnArray() throws SphinxException {
        SplittableRandom random = new SplittableRandom(3);
        List<byte[]> keys = List.of(key(random), key(random), key(random));
        byte[] alone = PayloadCodec.pad(GEOMETRY, new byte[] {1, 2, 3});
        byte[] framed = new byte[5 + alone.length];
        System.arraycopy(alone, 0, framed, 5, alone.length);
        for (int i = keys.size() - 1; i >= 0; i--) {
            PayloadCodec.encrypt(keys.get(i), alone);
        }
        for (int i = keys.size() - 1; i >= 0; i--) {
            PayloadCodec.encrypt(keys.get(i), framed, 5, alone.length);
        }
        assertArrayEquals(alone, Arrays.copyOfRange(framed, 5, framed.length));
    }

    private static byte[] key(SplittableRandom random) {
        byte[] key = new byte[Lioness.KEY_LENGTH];
        random.nextBytes(key);
        return key;
    }
}
