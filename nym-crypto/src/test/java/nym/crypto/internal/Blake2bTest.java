package nym.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * BLAKE2b against published vectors (RFC 7693 appendix A; the BLAKE2 team's keyed known answers,
 * key 00 01 … 3f and input 00 01 … (n − 1)) and against Bouncy Castle's {@code Blake2bDigest}, which
 * Lioness used before, for every key, input and digest length and at offsets.
 */
class Blake2bTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc7693AppendixA() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        byte[] digest = new byte[64];
        Blake2b.keyedHash(new byte[0], 0, 0, abc, 0, abc.length, digest);
        assertArrayEquals(HEX.parseHex("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"), digest);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786"
                + "b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568",
        "1, 961f6dd1e4dd30f63901690c512e78e4b45e4742ed197c3c5e45c549fd25f2e4"
                + "187b0bc9fe30492b16b0d0bc4ef9b0f34c7003fac09a5ef1532e69430234cebd",
        "127, 76d2d819c92bce55fa8e092ab1bf9b9eab237a25267986cacf2b8ee14d214d73"
                + "0dc9a5aa2d7b596e86a1fd8fa0804c77402d2fcd45083688b218b1cdfa0dcbcb",
        "128, 72065ee4dd91c2d8509fa1fc28a37c7fc9fa7d5b3f8ad3d0d7a25626b57b1b44"
                + "788d4caf806290425f9890a3a2a35a905ab4b37acfd0da6e4517b2525c9651e4",
        "129, 64475dfe7600d7171bea0b394e27c9b00d8e74dd1e416a79473682ad3dfdbb70"
                + "6631558055cfc8a40e07bd015a4540dcdea15883cbbf31412df1de1cd4152b91",
        "255, 142709d62e28fcccd0af97fad0f8465b971e82201dc51070faa0372aa43e9248"
                + "4be1c1e73ba10906d5d1853db6a4106e0a7bf9800d373d6dee2d46d62ef2a461",
        "256, b72071e096277edebb8ee5134dd3714996307ba3a55aa4733d412abbe28e909e"
                + "10e57e6fbfb4ef53b3b960518294ff889a90829254412e2a60b85add07a3674f",
        // Lioness's case: a 64-byte key, 32-byte digest, R of a 1024-byte payload.
        "992, e78d0779cee73019342c5201f13afb7bcb33532b92a35c2f0a978bc306b44396",
    })
    void keyedKnownAnswers(int length, String expected) {
        byte[] key = counting(Blake2b.MAX_KEY_LENGTH);
        byte[] data = counting(length);
        byte[] digest = new byte[expected.length() / 2];
        Blake2b.keyedHash(key, 0, key.length, data, 0, length, digest);
        assertArrayEquals(HEX.parseHex(expected), digest);
    }

    @Property(tries = 500)
    void equalsBouncyCastle(@ForAll("inputs") Input in) {
        byte[] digest = new byte[in.digestLength];
        Blake2b.keyedHash(in.key, in.keyOffset, in.keyLength, in.data, in.offset, in.length, digest);
        assertArrayEquals(bouncyCastle(in), digest);
    }

    @Test
    void badLengthsAreRefused() {
        byte[] data = new byte[10];
        assertThrows(IllegalArgumentException.class,
                () -> Blake2b.keyedHash(new byte[65], 0, 65, data, 0, 10, new byte[32]));
        assertThrows(IllegalArgumentException.class,
                () -> Blake2b.keyedHash(new byte[64], 0, 64, data, 0, 10, new byte[0]));
        assertThrows(IllegalArgumentException.class,
                () -> Blake2b.keyedHash(new byte[64], 0, 64, data, 0, 10, new byte[65]));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Blake2b.keyedHash(new byte[64], 1, 64, data, 0, 10, new byte[32]));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Blake2b.keyedHash(new byte[64], 0, 64, data, 5, 6, new byte[32]));
    }

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<byte[]> keys = Arbitraries.bytes().array(byte[].class).ofMaxSize(Blake2b.MAX_KEY_LENGTH + 8);
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(700);
        Arbitrary<Integer> digestLengths = Arbitraries.integers().between(1, Blake2b.MAX_DIGEST_LENGTH);
        Arbitrary<Integer> cuts = Arbitraries.integers().between(0, 1 << 16);
        return Combinators.combine(keys, data, digestLengths, cuts, cuts).as(Input::of);
    }

    /** A key slice of at most 64 bytes and a data slice, each at an offset into its array. */
    record Input(byte[] key, int keyOffset, int keyLength, byte[] data, int offset, int length, int digestLength) {
        static Input of(byte[] key, byte[] data, int digestLength, int keyCut, int dataCut) {
            int keyOffset = keyCut % (key.length + 1);
            int offset = dataCut % (data.length + 1);
            return new Input(key, keyOffset, Math.min(Blake2b.MAX_KEY_LENGTH, key.length - keyOffset),
                    data, offset, data.length - offset, digestLength);
        }
    }

    private static byte[] bouncyCastle(Input in) {
        byte[] key = Arrays.copyOfRange(in.key, in.keyOffset, in.keyOffset + in.keyLength);
        Blake2bDigest blake = new Blake2bDigest(key.length == 0 ? null : key, in.digestLength, null, null);
        blake.update(in.data, in.offset, in.length);
        byte[] out = new byte[in.digestLength];
        blake.doFinal(out, 0);
        return out;
    }

    private static byte[] counting(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }
}
