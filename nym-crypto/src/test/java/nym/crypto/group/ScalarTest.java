package nym.crypto.group;

import static nym.crypto.Reasons.assertReason;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import nym.crypto.CryptoException;
import nym.crypto.SecretAccess;
import nym.crypto.Vectors;

class ScalarTest {
    private static final SecretAccess ACCESS = SecretAccess.insecureGrant();
    private static final byte[] ORDER_PLUS_ONE =
            HexFormat.of().parseHex("eed3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

    @Test
    void reductionKnownAnswers() {
        Vectors.sweep("scalar.json", c -> assertArrayEquals(Vectors.hex(c, "reduced"),
                Scalar.fromBytesModOrder(Vectors.hex(c, "input")).toBytes(ACCESS)));
    }

    @Test
    void reductionAtAnOffsetReadsThoseBytesAndLeavesThem() {
        byte[] framed = new byte[3 + Scalar.LENGTH + 2];
        Arrays.fill(framed, (byte) 0x77);
        System.arraycopy(ORDER_PLUS_ONE, 0, framed, 3, Scalar.LENGTH);
        byte[] before = framed.clone();
        assertArrayEquals(one(), Scalar.fromBytesModOrder(framed, 3).toBytes(ACCESS));
        assertArrayEquals(before, framed);
        assertThrows(IndexOutOfBoundsException.class, () -> Scalar.fromBytesModOrder(framed, 6));
    }

    @Test
    void aSharedSecretHandsOutCopiesOnly() {
        byte[] output = new byte[SharedSecret.LENGTH];
        new SplittableRandom(5).nextBytes(output);
        byte[] expected = output.clone();
        SharedSecret secret = new SharedSecret(output);
        byte[] copy = secret.toBytes(ACCESS);
        assertArrayEquals(expected, copy);
        Arrays.fill(copy, (byte) 0);
        byte[] framed = new byte[SharedSecret.LENGTH + 2];
        secret.copyTo(framed, 1, ACCESS);
        assertArrayEquals(expected, Arrays.copyOfRange(framed, 1, 1 + SharedSecret.LENGTH));
        framed[1] ^= 1;
        assertArrayEquals(expected, secret.toBytes(ACCESS));
        assertThrows(IndexOutOfBoundsException.class, () -> secret.copyTo(framed, 3, ACCESS));
    }

    @Test
    void aScalarHandsOutCopiesOnly() throws CryptoException {
        byte[] input = new byte[Scalar.LENGTH];
        new SplittableRandom(6).nextBytes(input);
        Scalar scalar = Scalar.fromBytesClamped(input);
        byte[] expected = scalar.toBytes(ACCESS);
        input[1] ^= 1;
        scalar.toBytes(ACCESS)[1] ^= 1;
        assertArrayEquals(expected, scalar.toBytes(ACCESS));
    }

    @Test
    void clampingClearsAndSetsTheRfc7748BitsWithoutReducing() throws CryptoException {
        byte[] ones = new byte[Scalar.LENGTH];
        Arrays.fill(ones, (byte) 0xFF);
        byte[] expected = ones.clone();
        expected[0] = (byte) 0xF8;
        expected[31] = 0x7F;
        assertArrayEquals(expected, Scalar.fromBytesClamped(ones).toBytes(ACCESS));

        byte[] zeros = new byte[Scalar.LENGTH];
        byte[] bit254 = new byte[Scalar.LENGTH];
        bit254[31] = 0x40;
        assertArrayEquals(bit254, Scalar.fromBytesClamped(zeros).toBytes(ACCESS));
    }

    @Test
    void copiesInAndOut() throws CryptoException {
        byte[] input = ORDER_PLUS_ONE.clone();
        Scalar scalar = Scalar.fromBytesModOrder(input);
        input[0] = 7;
        scalar.toBytes(ACCESS)[0] = 7;
        assertArrayEquals(one(), scalar.toBytes(ACCESS));
    }

    @Test
    void randomClampedDrawsFromTheGivenSource() throws CryptoException {
        byte[] drawn = new byte[Scalar.LENGTH];
        new SplittableRandom(42).nextBytes(drawn);
        Scalar scalar = Scalar.randomClamped(new SplittableRandom(42));
        assertTrue(scalar.equalsSecret(Scalar.fromBytesClamped(drawn)));
        assertFalse(scalar.equalsSecret(Scalar.randomClamped(new SplittableRandom(43))));
    }

    @Test
    void multiplyReducesModuloTheOrder() throws CryptoException {
        byte[] orderMinusOne = HexFormat.of().parseHex(
                "ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        Scalar minusOne = Scalar.fromBytesModOrder(orderMinusOne);
        Scalar one = Scalar.fromBytesModOrder(ORDER_PLUS_ONE);
        assertArrayEquals(one(), minusOne.multiply(minusOne).toBytes(ACCESS), "(-1)(-1) = 1");
        assertArrayEquals(orderMinusOne, minusOne.multiply(one).toBytes(ACCESS), "(-1)(1) = -1");
        Scalar zero = Scalar.fromBytesModOrder(new byte[Scalar.LENGTH]);
        assertArrayEquals(new byte[Scalar.LENGTH], minusOne.multiply(zero).toBytes(ACCESS));
    }

    @Test
    void equalsIsIdentityAndEqualsSecretComparesValues() throws CryptoException {
        Scalar a = Scalar.fromBytesModOrder(ORDER_PLUS_ONE);
        Scalar b = Scalar.fromBytesModOrder(one());
        assertTrue(a.equalsSecret(b));
        assertFalse(a.equals(b));
        assertFalse(a.equalsSecret(Scalar.fromBytesModOrder(new byte[Scalar.LENGTH])));
    }

    @Test
    void wrongLengthIsRefused() {
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> Scalar.fromBytesClamped(new byte[33]));
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> Scalar.fromBytesModOrder(new byte[0]));
    }

    @Test
    void orderConstantIsTheRfc7748Order() {
        assertEquals(BigInteger.TWO.pow(252).add(
                new BigInteger("27742317777372353535851937790883648493")), Scalar.ORDER);
        assertEquals(253, Scalar.ORDER.bitLength());
        assertTrue(Scalar.ORDER.isProbablePrime(64));
    }

    private static byte[] one() {
        byte[] one = new byte[Scalar.LENGTH];
        one[0] = 1;
        return one;
    }
}
