package nym.crypto.keys;

import static nym.crypto.Reasons.assertReason;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import nym.crypto.CryptoException;
import nym.crypto.SecretAccess;
import nym.crypto.Vectors;
import nym.crypto.group.GroupElement;

class X25519Test {
    private static final SecretAccess ACCESS = SecretAccess.insecureGrant();

    @Test
    void knownAnswers() {
        Vectors.sweep("x25519.json", X25519Test::checkCase);
    }

    /** Applies X25519 once, or iterates as RFC 7748 5.2 does; for u = 9 also checks publicKey(). */
    private static void checkCase(JsonNode c) throws CryptoException {
        byte[] k = Vectors.hex(c, "scalar");
        byte[] u = Vectors.hex(c, "u");
        int iterations = c.path("iterations").asInt(1);
        for (int i = 0; i < iterations; i++) {
            byte[] result = X25519PrivateKey.fromBytes(k).sharedSecret(GroupElement.fromBytes(u)).toBytes(ACCESS);
            u = k;
            k = result;
        }
        byte[] expected = Vectors.hex(c, "output");
        assertArrayEquals(expected, k, "X25519");
        if (!c.has("iterations") && GroupElement.BASE_POINT.equals(GroupElement.fromBytes(Vectors.hex(c, "u")))) {
            assertArrayEquals(expected, X25519PrivateKey.fromBytes(Vectors.hex(c, "scalar")).publicKey().toByteArray(),
                    "publicKey()");
        }
    }

    @Test
    void privateKeyIsStoredClamped() throws CryptoException {
        byte[] ones = new byte[X25519PrivateKey.LENGTH];
        Arrays.fill(ones, (byte) 0xFF);
        byte[] stored = X25519PrivateKey.fromBytes(ones).toBytes(ACCESS);
        assertEquals((byte) 0xF8, stored[0]);
        assertEquals((byte) 0x7F, stored[31]);
    }

    @Test
    void generatedPairsAgree() {
        X25519KeyPair alice = X25519KeyPair.generate(new SplittableRandom(1));
        X25519KeyPair bob = X25519KeyPair.generate(new SplittableRandom(2));
        assertEquals(alice.publicKey(), alice.privateKey().publicKey());
        assertTrue(alice.privateKey().sharedSecret(bob.publicKey().toGroupElement())
                .equalsSecret(bob.privateKey().sharedSecret(alice.publicKey().toGroupElement())));
        assertEquals(alice.publicKey(), X25519KeyPair.of(alice.privateKey()).publicKey());
    }

    @Test
    void publicKeyBase58RoundTrip() throws CryptoException {
        X25519PublicKey key = X25519KeyPair.generate(new SplittableRandom(3)).publicKey();
        assertEquals(key, X25519PublicKey.fromBase58(key.toBase58()));
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> X25519PublicKey.fromBase58("2g"));
        assertReason(CryptoException.Reason.BAD_ENCODING, () -> X25519PublicKey.fromBase58("0OIl"));
    }
}
