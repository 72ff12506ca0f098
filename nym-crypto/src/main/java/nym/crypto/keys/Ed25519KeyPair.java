package nym.crypto.keys;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An Ed25519 private key and its public key.
 *
 * @param privateKey not null
 * @param publicKey not null, the public key of {@code privateKey}
 */
public record Ed25519KeyPair(Ed25519PrivateKey privateKey, Ed25519PublicKey publicKey) {
    /** Checks for nulls; the keys are taken to match. */
    public Ed25519KeyPair {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /** @param random the source of randomness; production passes {@code SecureRandom} */
    public static Ed25519KeyPair generate(RandomGenerator random) {
        Ed25519PrivateKey privateKey = Ed25519PrivateKey.generate(random);
        return new Ed25519KeyPair(privateKey, privateKey.publicKey());
    }

    @Override
    public String toString() {
        return "Ed25519KeyPair[public=" + publicKey.toBase58() + "]";
    }
}
