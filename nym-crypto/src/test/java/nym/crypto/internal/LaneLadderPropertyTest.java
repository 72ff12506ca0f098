package nym.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The lane-parallel ladder gives, in every lane, exactly what the scalar ladder gives for that lane's
 * pair, whatever the other lanes hold and however many lanes are used. (Surefire resolves
 * jdk.incubator.vector; the ladder is correct for any lane count the machine's vectors have.)
 */
class LaneLadderPropertyTest {
    @Property(tries = 200)
    void everyLaneEqualsTheScalarLadder(@ForAll("pairs") List<byte[][]> pairs) {
        int count = pairs.size();
        byte[][] scalars = new byte[count][];
        byte[][] us = new byte[count][];
        byte[][] outs = new byte[count][32];
        for (int i = 0; i < count; i++) {
            scalars[i] = pairs.get(i)[0];
            us[i] = pairs.get(i)[1];
        }
        LaneLadder.multiply(scalars, us, outs, 0, count);
        for (int i = 0; i < count; i++) {
            byte[] expected = new byte[32];
            MontgomeryLadder.multiply(scalars[i], us[i], expected);
            assertArrayEquals(expected, outs[i], "lane " + i);
        }
    }

    @Provide
    Arbitrary<List<byte[][]>> pairs() {
        Arbitrary<byte[]> bytes = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofSize(32),
                Arbitraries.of(edgeValues()).map(byte[]::clone));
        return bytes.array(byte[][].class).ofSize(2).list().ofMinSize(1).ofMaxSize(LaneLadder.LANES);
    }

    /**
     * Zero, one (as a point, of order 4), p − 1, p, 2^255 − 1 and all ones, as scalars or points;
     * every low-order point is in {@code LaneLadderEdgeCasesTest}.
     */
    private static List<byte[]> edgeValues() {
        byte[] zero = new byte[32];
        byte[] one = new byte[32];
        one[0] = 1;
        byte[] ones = new byte[32];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        byte[] p = ones.clone();
        p[0] = (byte) 0xED;
        p[31] = 0x7F;
        byte[] pMinus1 = p.clone();
        pMinus1[0] = (byte) 0xEC;
        byte[] top = ones.clone();
        top[31] = 0x7F;
        return List.of(zero, one, ones, p, pMinus1, top);
    }
}
