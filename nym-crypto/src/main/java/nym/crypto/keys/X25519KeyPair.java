package nym.crypto.keys;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An X25519 private key and its public key.
 *
 * @param privateKey not null
 * @param publicKey not null, the public key of {@code privateKey}
 */
public record X25519KeyPair(X25519PrivateKey privateKey, X25519PublicKey publicKey) {
    /** Checks for nulls; the keys are taken to match. */
    public X25519KeyPair {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /** @param random the source of randomness; production passes {@code SecureRandom} */
    public static X25519KeyPair generate(RandomGenerator random) {
        return of(X25519PrivateKey.generate(random));
    }

    /** @return the pair of {@code privateKey} and its computed public key */
    public static X25519KeyPair of(X25519PrivateKey privateKey) {
        return new X25519KeyPair(privateKey, privateKey.publicKey());
    }

    @Override
    public String toString() {
        return "X25519KeyPair[public=" + publicKey.toBase58() + "]";
    }
}
