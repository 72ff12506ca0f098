package nym.crypto.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;

import org.bouncycastle.math.ec.rfc7748.X25519;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
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

    /** The fixed-base path (Bouncy Castle's comb, for clamped scalars) equals the ladder on u = 9. */
    @Property(tries = 200)
    void fixedBaseEqualsTheLadder(@ForAll("bytes32") byte[] k) throws CryptoException {
        Scalar clamped = Scalar.fromBytesClamped(k);
        assertEquals(GroupElement.BASE_POINT.multiply(clamped), GroupElement.multiplyBase(clamped));
        Scalar reduced = Scalar.fromBytesModOrder(k);
        assertEquals(GroupElement.BASE_POINT.multiply(reduced), GroupElement.multiplyBase(reduced));
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
