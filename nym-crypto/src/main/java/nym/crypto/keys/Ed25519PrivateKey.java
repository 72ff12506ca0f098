package nym.crypto.keys;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import nym.crypto.CryptoException;
import nym.crypto.SecretAccess;
import nym.crypto.SecretBytes;

/** An Ed25519 private key (RFC 8032 seed, 32 bytes). Secret: never printed; equality is identity. */
public final class Ed25519PrivateKey {
    /** Bytes of a private key. */
    public static final int LENGTH = Ed25519.SECRET_KEY_SIZE;

    private final SecretBytes seed;

    private Ed25519PrivateKey(byte[] seed) {
        this.seed = SecretBytes.copyOf(seed);
    }

    /** @throws CryptoException with {@code BAD_LENGTH} unless 32 bytes */
    public static Ed25519PrivateKey fromBytes(byte[] bytes) throws CryptoException {
        CryptoException.requireLength("Ed25519 private key", bytes, LENGTH);
        return new Ed25519PrivateKey(bytes);
    }

    /** @param random the source of randomness; production passes {@code SecureRandom} */
    public static Ed25519PrivateKey generate(RandomGenerator random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        try {
            return new Ed25519PrivateKey(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** @return the matching public key */
    public Ed25519PublicKey publicKey() {
        byte[] sk = seed.toByteArray(SecretAccess.insecureGrant());
        try {
            byte[] pk = new byte[Ed25519PublicKey.LENGTH];
            Ed25519.generatePublicKey(sk, 0, pk, 0);
            return new Ed25519PublicKey(pk);
        } finally {
            Arrays.fill(sk, (byte) 0);
        }
    }

    /** @return the 64-byte signature over {@code message} */
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        byte[] sk = seed.toByteArray(SecretAccess.insecureGrant());
        try {
            byte[] signature = new byte[Ed25519PublicKey.SIGNATURE_LENGTH];
            Ed25519.sign(sk, 0, message, 0, message.length, signature, 0);
            return signature;
        } finally {
            Arrays.fill(sk, (byte) 0);
        }
    }

    /** @return the 32-byte seed */
    public byte[] toBytes(SecretAccess access) {
        return seed.toByteArray(access);
    }

    @Override
    public String toString() {
        return "Ed25519PrivateKey[secret]";
    }
}
