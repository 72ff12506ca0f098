package nym.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class Base58PropertyTest {
    @Property(tries = 500)
    void decodeInvertsEncode(@ForAll("bytesWithLeadingZeros") byte[] input) throws CryptoException {
        assertArrayEquals(input, Base58.decode(Base58.encode(input)));
    }

    @Property(tries = 300)
    void oneLeadingOnePerLeadingZeroByte(@ForAll("bytesWithLeadingZeros") byte[] input) {
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        String text = Base58.encode(input);
        int ones = 0;
        while (ones < text.length() && text.charAt(ones) == '1') {
            ones++;
        }
        assertEquals(zeros, ones, text);
    }

    /** Arbitrary bytes behind zero to five zero bytes, so leading zeros are common. */
    @Provide
    Arbitrary<byte[]> bytesWithLeadingZeros() {
        Arbitrary<byte[]> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Arbitraries.integers().between(0, 5).flatMap(zeros -> body.map(b -> {
            byte[] out = new byte[zeros + b.length];
            System.arraycopy(b, 0, out, zeros, b.length);
            return out;
        }));
    }
}
