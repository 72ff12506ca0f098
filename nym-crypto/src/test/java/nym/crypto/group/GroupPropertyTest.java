package nym.crypto.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;

import org.bouncycastle.math.ec.rfc7748.X25519;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import nym.crypto.CryptoException;

class GroupPropertyTest {
    private static final byte[] ORDER_PLUS_ONE = HexFormat.of().parseHex(
            "eed3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

    /** For clamped scalars our ladder is X25519; Bouncy Castle's scalarMult clamps by itself. */
    @Property(tries = 200)
    void clampedLadderEqualsBouncyCastle(@ForAll("bytes32") byte[] k, @ForAll("bytes32") byte[] u)
            throws CryptoException {
        byte[] expected = new byte[32];
        X25519.scalarMult(k, 0, u, 0, expected, 0);
        GroupElement actual = GroupElement.fromBytes(u).multiply(Scalar.fromBytesClamped(k));
        assertArrayEquals(expected, actual.toByteArray());
    }

    /** The fixed-base path (G's Edwards table, for every scalar) equals the ladder on u = 9. */
    @Property(tries = 200)
    void fixedBaseEqualsTheLadder(@ForAll("bytes32") byte[] k) throws CryptoException {
        Scalar clamped = Scalar.fromBytesClamped(k);
        assertEquals(GroupElement.BASE_POINT.multiply(clamped), GroupElement.multiplyBase(clamped));
        Scalar reduced = Scalar.fromBytesModOrder(k);
        assertEquals(GroupElement.BASE_POINT.multiply(reduced), GroupElement.multiplyBase(reduced));
        Scalar product = reduced.multiply(clamped); // the sender's accumulated blinding factors
        assertEquals(GroupElement.BASE_POINT.multiply(product), GroupElement.multiplyBase(product));
    }

    /**
     * The scalars at the ends of each kind: 0 (u = 0, the identity, from ℓ reduced), 1, ℓ − 1, and
     * the least and greatest clamped scalars, 2^254 and 2^255 − 8.
     */
    @Example
    void fixedBaseEqualsTheLadderAtTheEdges() throws CryptoException {
        byte[] orderMinusOne = ORDER_PLUS_ONE.clone();
        orderMinusOne[0] -= 2;
        byte[] order = ORDER_PLUS_ONE.clone();
        order[0] -= 1;
        byte[] one = new byte[32];
        one[0] = 1;
        byte[] ones = new byte[32];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        for (Scalar k : new Scalar[] {Scalar.fromBytesModOrder(new byte[32]), Scalar.fromBytesModOrder(order),
                Scalar.fromBytesModOrder(one), Scalar.fromBytesModOrder(orderMinusOne),
                Scalar.fromBytesModOrder(ones), Scalar.fromBytesClamped(new byte[32]), Scalar.fromBytesClamped(ones)}) {
            assertEquals(GroupElement.BASE_POINT.multiply(k), GroupElement.multiplyBase(k));
        }
        assertArrayEquals(new byte[32], GroupElement.multiplyBase(Scalar.fromBytesModOrder(order)).toByteArray());
        assertEquals(GroupElement.BASE_POINT, GroupElement.multiplyBase(Scalar.fromBytesModOrder(one)));
    }

    /** (a·b mod ℓ)·P = a·(b·P) = b·(a·P) for P in the prime-order subgroup: what Sphinx blinding needs. */
    @Property(tries = 200)
    void blindingComposes(@ForAll("bytes32") byte[] aBytes, @ForAll("bytes32") byte[] bBytes,
            @ForAll("bytes32") byte[] secret) throws CryptoException {
        Scalar a = Scalar.fromBytesModOrder(aBytes);
        Scalar b = Scalar.fromBytesModOrder(bBytes);
        GroupElement p = GroupElement.BASE_POINT.multiply(Scalar.fromBytesClamped(secret));
        GroupElement once = p.multiply(a.multiply(b));
        assertEquals(once, p.multiply(b).multiply(a));
        assertEquals(once, p.multiply(a).multiply(b));
    }

    /** ℓ + 1 reduces to one, and one times a point is the point. */
    @Property(tries = 50)
    void orderPlusOneIsTheIdentity(@ForAll("bytes32") byte[] secret) throws CryptoException {
        GroupElement p = GroupElement.BASE_POINT.multiply(Scalar.fromBytesClamped(secret));
        assertEquals(p, p.multiply(Scalar.fromBytesModOrder(ORDER_PLUS_ONE)));
    }

    @Provide
    Arbitrary<byte[]> bytes32() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }
}
