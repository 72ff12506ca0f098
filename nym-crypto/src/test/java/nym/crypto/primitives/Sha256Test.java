package nym.crypto.primitives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class Sha256Test {
    private static final HexFormat HEX = HexFormat.of();

    /** FIPS 180-4 examples; each call starts afresh on the thread's cached digest. */
    @Test
    void knownAnswersInSequence() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        byte[] expectedAbc = HEX.parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        byte[] expectedEmpty = HEX.parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertArrayEquals(expectedAbc, Sha256.digest(abc));
        assertArrayEquals(expectedEmpty, Sha256.digest(new byte[0]));
        assertArrayEquals(expectedAbc, Sha256.digest(abc));
    }

    @Test
    void nullIsRefused() {
        assertThrows(NullPointerException.class, () -> Sha256.digest(null));
    }
}
