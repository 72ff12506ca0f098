package nym.crypto;

import static nym.crypto.Reasons.assertReason;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Base58Test {
    @Test
    void knownAnswers() {
        Vectors.sweep("base58.json", c -> {
            String text = c.path("text").asText();
            byte[] decoded = Base58.decode(text);
            byte[] bytes = Vectors.hex(c, "bytes");
            assertArrayEquals(bytes, decoded, "decode");
            assertEquals(text, Base58.encode(bytes), "encode");
        });
    }

    @Test
    void invalidCharacterAfterValidPrefixIsRefused() {
        assertReason(CryptoException.Reason.BAD_ENCODING, () -> Base58.decode("1111111110"));
    }

    @Test
    void encodeDoesNotChangeItsInput() {
        byte[] input = {0, 0, 1, 2, (byte) 0xFF};
        Base58.encode(input);
        assertArrayEquals(new byte[] {0, 0, 1, 2, (byte) 0xFF}, input);
    }
}
