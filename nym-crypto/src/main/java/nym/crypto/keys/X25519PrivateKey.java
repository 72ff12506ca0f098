package nym.crypto.keys;

import java.util.List;
import java.util.random.RandomGenerator;

import nym.crypto.CryptoException;
import nym.crypto.SecretAccess;
import nym.crypto.group.GroupElement;
import nym.crypto.group.Scalar;
import nym.crypto.group.SharedSecret;

/**
 * An X25519 private key: 32 bytes, clamped as RFC 7748 prescribes and as the reference's
 * {@code PrivateKey::from} does (not reduced). Secret: never printed; equality is identity.
 */
public final class X25519PrivateKey {
    /** Bytes of a private key. */
    public static final int LENGTH = Scalar.LENGTH;

    private final Scalar scalar;

    private X25519PrivateKey(Scalar scalar) {
        this.scalar = scalar;
    }

    /**
     * @param bytes 32 bytes; clamped on the way in
     * @throws CryptoException with {@code BAD_LENGTH} otherwise
     */
    public static X25519PrivateKey fromBytes(byte[] bytes) throws CryptoException {
        return new X25519PrivateKey(Scalar.fromBytesClamped(bytes));
    }

    /** @param random the source of randomness; production passes {@code SecureRandom} */
    public static X25519PrivateKey generate(RandomGenerator random) {
        return new X25519PrivateKey(Scalar.randomClamped(random));
    }

    /** @return the matching public key, this · 9 */
    public X25519PublicKey publicKey() {
        return new X25519PublicKey(GroupElement.multiplyBase(scalar).toByteArray());
    }

    /**
     * @param peer the other side's public value (a public key or a Sphinx α)
     * @return the X25519 shared secret
     */
    public SharedSecret sharedSecret(GroupElement peer) {
        return scalar.sharedSecretWith(peer);
    }

    /**
     * The shared secrets with many peers at once, as a mix node does for a batch of packets: equal to
     * {@link #sharedSecret} peer by peer (see {@link Scalar#sharedSecretsWith}).
     *
     * @param peers not null, no null element
     * @return the shared secret with each peer, in order
     */
    public List<SharedSecret> sharedSecrets(List<GroupElement> peers) {
        return scalar.sharedSecretsWith(peers);
    }

    /** @return the clamped key as a scalar */
    public Scalar asScalar() {
        return scalar;
    }

    /**
     * @param access the token for raw key material
     * @return the 32 clamped bytes
     */
    public byte[] toBytes(SecretAccess access) {
        return scalar.toBytes(access);
    }

    @Override
    public String toString() {
        return "X25519PrivateKey[secret]";
    }
}
