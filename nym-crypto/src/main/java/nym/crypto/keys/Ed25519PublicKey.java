package nym.crypto.keys;

import java.util.Objects;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import nym.crypto.Base58;
import nym.crypto.CryptoException;
import nym.crypto.FixedBytes;

/** An Ed25519 public key (RFC 8032), 32 bytes: a node's identity for signatures. Immutable. */
public final class Ed25519PublicKey extends FixedBytes {
    /** Bytes of a public key. */
    public static final int LENGTH = Ed25519.PUBLIC_KEY_SIZE;
    /** Bytes of a signature. */
    public static final int SIGNATURE_LENGTH = Ed25519.SIGNATURE_SIZE;

    Ed25519PublicKey(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /**
     * @param bytes 32 bytes, copied
     * @throws CryptoException with {@code BAD_LENGTH} otherwise
     */
    public static Ed25519PublicKey fromBytes(byte[] bytes) throws CryptoException {
        CryptoException.requireLength("Ed25519 public key", bytes, LENGTH);
        return new Ed25519PublicKey(bytes);
    }

    /** @throws CryptoException with {@code BAD_ENCODING} or {@code BAD_LENGTH} */
    public static Ed25519PublicKey fromBase58(String text) throws CryptoException {
        return fromBytes(Base58.decode(text));
    }

    /**
     * Verifies a signature over {@code message}.
     *
     * @throws CryptoException with {@code BAD_SIGNATURE} if it does not verify (including a
     *     signature of the wrong length or a key that is not a valid point)
     */
    public void verify(byte[] message, byte[] signature) throws CryptoException {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        boolean valid = signature.length == SIGNATURE_LENGTH
                && Ed25519.verify(signature, 0, toByteArray(), 0, message, 0, message.length);
        if (!valid) {
            throw new CryptoException(CryptoException.Reason.BAD_SIGNATURE, "signature did not verify");
        }
    }
}
