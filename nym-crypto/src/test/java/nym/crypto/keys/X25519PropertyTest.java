package nym.crypto.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bouncycastle.math.ec.rfc7748.X25519;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import nym.crypto.CryptoException;

class X25519PropertyTest {
    @Property(tries = 100)
    void publicKeyEqualsBouncyCastle(@ForAll("bytes32") byte[] secret) throws CryptoException {
        byte[] expected = new byte[X25519PublicKey.LENGTH];
        X25519.scalarMultBase(secret, 0, expected, 0);
        assertArrayEquals(expected, X25519PrivateKey.fromBytes(secret).publicKey().toByteArray());
    }

    @Property(tries = 100)
    void bothSidesDeriveTheSameSecret(@ForAll("bytes32") byte[] a, @ForAll("bytes32") byte[] b)
            throws CryptoException {
        X25519KeyPair alice = X25519KeyPair.of(X25519PrivateKey.fromBytes(a));
        X25519KeyPair bob = X25519KeyPair.of(X25519PrivateKey.fromBytes(b));
        assertTrue(alice.privateKey().sharedSecret(bob.publicKey().toGroupElement())
                .equalsSecret(bob.privateKey().sharedSecret(alice.publicKey().toGroupElement())));
    }

    @Provide
    Arbitrary<byte[]> bytes32() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }
}
