package nym.crypto.keys;

import nym.crypto.Base58;
import nym.crypto.CryptoException;
import nym.crypto.FixedBytes;
import nym.crypto.group.GroupElement;

/**
 * An X25519 public key: 32 bytes, the Montgomery u-coordinate. A mix node's Sphinx key; a client's
 * address is the base58 of its public key. Immutable.
 */
public final class X25519PublicKey extends FixedBytes {
    /** Bytes of a public key. */
    public static final int LENGTH = GroupElement.LENGTH;

    /** The same bytes as a group element, made once: senders use a node's key for every packet. */
    private final GroupElement element;

    X25519PublicKey(byte[] bytes) {
        super(bytes, LENGTH);
        this.element = GroupElement.readFrom(bytes, 0);
    }

    /**
     * @param bytes 32 bytes, copied
     * @throws CryptoException with {@code BAD_LENGTH} otherwise
     */
    public static X25519PublicKey fromBytes(byte[] bytes) throws CryptoException {
        CryptoException.requireLength("X25519 public key", bytes, LENGTH);
        return new X25519PublicKey(bytes);
    }

    /**
     * @param text the base58 form, as in the directory and in client addresses
     * @throws CryptoException with {@code BAD_ENCODING} or {@code BAD_LENGTH}
     */
    public static X25519PublicKey fromBase58(String text) throws CryptoException {
        return fromBytes(Base58.decode(text));
    }

    /** @return this key as a group element, for Sphinx key agreement */
    public GroupElement toGroupElement() {
        return element;
    }
}
