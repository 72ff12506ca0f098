package nym.crypto.keys;

import static nym.crypto.Reasons.assertReason;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import nym.crypto.CryptoException;
import nym.crypto.SecretAccess;
import nym.crypto.Vectors;

class Ed25519Test {
    /** Verifies every case; for valid ones also derives the public key and re-signs. */
    @Test
    void knownAnswers() {
        Vectors.sweep("ed25519.json", c -> {
            Ed25519PublicKey publicKey = Ed25519PublicKey.fromBytes(Vectors.hex(c, "public"));
            byte[] message = Vectors.hex(c, "message");
            byte[] signature = Vectors.hex(c, "signature");
            publicKey.verify(message, signature);
            Ed25519PrivateKey privateKey = Ed25519PrivateKey.fromBytes(Vectors.hex(c, "secret"));
            assertEquals(publicKey, privateKey.publicKey(), "public key");
            assertArrayEquals(signature, privateKey.sign(message), "signature");
        });
    }

    @Test
    void everySingleBitFlipOfASignatureIsRefused() {
        Ed25519KeyPair pair = Ed25519KeyPair.generate(new SplittableRandom(7));
        byte[] message = {1, 2, 3};
        byte[] signature = pair.privateKey().sign(message);
        for (int bit = 0; bit < signature.length * 8; bit++) {
            byte[] flipped = signature.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertReason(CryptoException.Reason.BAD_SIGNATURE, () -> pair.publicKey().verify(message, flipped));
        }
    }

    @Test
    void keysRoundTripThroughBytesAndBase58() throws CryptoException {
        Ed25519KeyPair pair = Ed25519KeyPair.generate(new SplittableRandom(8));
        byte[] seed = pair.privateKey().toBytes(SecretAccess.insecureGrant());
        assertEquals(pair.publicKey(), Ed25519PrivateKey.fromBytes(seed).publicKey());
        assertEquals(pair.publicKey(), Ed25519PublicKey.fromBase58(pair.publicKey().toBase58()));
    }

    @Test
    void wrongLengthsAreRefused() {
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> Ed25519PrivateKey.fromBytes(new byte[31]));
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> Ed25519PublicKey.fromBytes(new byte[33]));
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> Ed25519PublicKey.fromBase58("2g"));
    }
}
