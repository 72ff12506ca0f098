package nym.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.util.HexFormat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The unclamped ladder against a direct BigInteger transcription of RFC 7748 section 5's ladder,
 * for arbitrary scalars (low bits set, bit 254 clear): the case Bouncy Castle cannot check.
 */
class MontgomeryLadderPropertyTest {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger A24 = BigInteger.valueOf(121665);

    @Property(tries = 100)
    void equalsTheRfc7748Ladder(@ForAll("bytes32") byte[] k, @ForAll("bytes32") byte[] u) {
        byte[] out = new byte[MontgomeryLadder.LENGTH];
        MontgomeryLadder.multiply(k, u, out);
        assertArrayEquals(reference(k, u), out);
    }

    /** The radix-2^51 ladder against the first one, on Bouncy Castle's field, for any 32 bytes. */
    @Property(tries = 300)
    void equalsTheBouncyCastleFieldLadder(@ForAll("bytes32") byte[] k, @ForAll("bytes32") byte[] u) {
        assertArrayEquals(bcLadder(k, u), ladder(k, u));
    }

    /** u in [p, 2^255) and the same with bit 255 set: used reduced, bit 255 ignored. */
    @Property(tries = 100)
    void nonCanonicalPointsAreReduced(@ForAll("bytes32") byte[] k, @ForAll("aboveP") byte[] u) {
        assertArrayEquals(reference(k, u), ladder(k, u));
        assertArrayEquals(bcLadder(k, u), ladder(k, u));
    }

    /** Scalars with every bit from 0 to 255 set or clear, against both references. */
    @Property(tries = 50)
    void extremeScalars(@ForAll("extremeScalar") byte[] k, @ForAll("bytes32") byte[] u) {
        assertArrayEquals(reference(k, u), ladder(k, u));
        assertArrayEquals(bcLadder(k, u), ladder(k, u));
    }

    @Example
    void ignoresBit255OfScalarAndPoint() {
        byte[] k = new byte[32];
        k[0] = 3;
        byte[] u = new byte[32];
        u[0] = 9;
        byte[] plain = new byte[32];
        MontgomeryLadder.multiply(k, u, plain);
        k[31] |= (byte) 0x80;
        u[31] |= (byte) 0x80;
        byte[] high = new byte[32];
        MontgomeryLadder.multiply(k, u, high);
        assertArrayEquals(plain, high);
        assertArrayEquals(reference(k, u), high);
    }

    @Provide
    Arbitrary<byte[]> bytes32() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }

    /** p + j for 0 ≤ j < 19, optionally with bit 255 set. */
    @Provide
    Arbitrary<byte[]> aboveP() {
        return Arbitraries.integers().between(0, 18).flatMap(j -> Arbitraries.of(false, true).map(high -> {
            byte[] le = littleEndianBytes(P.add(BigInteger.valueOf(j)));
            if (high) {
                le[31] |= (byte) 0x80;
            }
            return le;
        }));
    }

    /** All ones, all zeros, 2^255 − 1, 2^254, and one-bit and one-hole patterns. */
    @Provide
    Arbitrary<byte[]> extremeScalar() {
        return Arbitraries.integers().between(0, 255).flatMap(bit -> Arbitraries.of(0, 1, 2, 3).map(kind -> {
            BigInteger all = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
            BigInteger v = switch (kind) {
                case 0 -> BigInteger.ONE.shiftLeft(bit);
                case 1 -> all.clearBit(bit);
                case 2 -> BigInteger.TWO.pow(255).subtract(BigInteger.ONE);
                default -> all;
            };
            return littleEndianBytes(v);
        }));
    }

    private static byte[] ladder(byte[] k, byte[] u) {
        byte[] out = new byte[MontgomeryLadder.LENGTH];
        MontgomeryLadder.multiply(k, u, out);
        return out;
    }

    private static byte[] bcLadder(byte[] k, byte[] u) {
        byte[] out = new byte[MontgomeryLadder.LENGTH];
        BcMontgomeryLadder.multiply(k, u, out);
        return out;
    }

    private static byte[] littleEndianBytes(BigInteger v) {
        return reversed(HexFormat.of().parseHex(String.format("%064x", v)));
    }

    /** RFC 7748 section 5 on BigIntegers, with the swap written out instead of masked. */
    private static byte[] reference(byte[] k, byte[] u) {
        BigInteger x1 = littleEndian(u).clearBit(255).mod(P);
        BigInteger scalar = littleEndian(k);
        // x2, z2, x3, z3
        BigInteger[] s = {BigInteger.ONE, BigInteger.ZERO, x1, BigInteger.ONE};
        for (int t = 254; t >= 0; t--) {
            boolean bit = scalar.testBit(t);
            swapIf(bit, s);
            BigInteger a = s[0].add(s[1]);
            BigInteger aa = a.pow(2).mod(P);
            BigInteger b = s[0].subtract(s[1]);
            BigInteger bb = b.pow(2).mod(P);
            BigInteger e = aa.subtract(bb);
            BigInteger da = s[2].subtract(s[3]).multiply(a).mod(P);
            BigInteger cb = s[2].add(s[3]).multiply(b).mod(P);
            s[2] = da.add(cb).pow(2).mod(P);
            s[3] = x1.multiply(da.subtract(cb).pow(2)).mod(P);
            s[0] = aa.multiply(bb).mod(P);
            s[1] = e.multiply(aa.add(A24.multiply(e))).mod(P);
            swapIf(bit, s);
        }
        BigInteger x = s[0].multiply(s[1].modPow(P.subtract(BigInteger.TWO), P)).mod(P);
        return reversed(HexFormat.of().parseHex(String.format("%064x", x)));
    }

    /** Swaps (x2, z2) with (x3, z3) if {@code condition}. */
    private static void swapIf(boolean condition, BigInteger[] s) {
        if (condition) {
            BigInteger[] copy = s.clone();
            s[0] = copy[2];
            s[1] = copy[3];
            s[2] = copy[0];
            s[3] = copy[1];
        }
    }

    private static BigInteger littleEndian(byte[] le) {
        return new BigInteger(1, reversed(le));
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
