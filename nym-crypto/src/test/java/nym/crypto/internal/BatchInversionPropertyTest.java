package nym.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Montgomery's trick gives every element the inverse {@link Field51#invert} gives it, zeros included. */
class BatchInversionPropertyTest {
    @Property(tries = 200)
    void equalsInvertingOneByOne(@ForAll("elements") List<byte[]> encodings) {
        long[][] elements = new long[encodings.size()][];
        byte[][] expected = new byte[encodings.size()][32];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = Field51.create();
            Field51.decode(encodings.get(i), 0, elements[i]);
            long[] inverse = Field51.create();
            Field51.invert(elements[i], inverse);
            Field51.encode(inverse, expected[i], 0);
        }
        BatchInversion.invertAll(elements);
        for (int i = 0; i < elements.length; i++) {
            byte[] actual = new byte[32];
            Field51.encode(elements[i], actual, 0);
            assertArrayEquals(expected[i], actual, "element " + i);
        }
    }

    /** Random field elements mixed with zero, p (zero, not reduced), 1 and p − 1. */
    @Provide
    Arbitrary<List<byte[]>> elements() {
        byte[] zero = new byte[32];
        byte[] p = new byte[32];
        java.util.Arrays.fill(p, (byte) 0xFF);
        p[0] = (byte) 0xED;
        p[31] = 0x7F;
        byte[] pMinus1 = p.clone();
        pMinus1[0] = (byte) 0xEC;
        byte[] one = new byte[32];
        one[0] = 1;
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofSize(32).map(b -> {
            b[31] &= 0x7F;
            return b;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, random),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(zero, p, pMinus1, one).map(byte[]::clone)))
                .list().ofMinSize(1).ofMaxSize(12);
    }
}
