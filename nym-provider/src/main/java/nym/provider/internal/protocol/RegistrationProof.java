package nym.provider.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import nym.crypto.CryptoException;
import nym.crypto.SecretAccess;
import nym.crypto.group.SharedSecret;
import nym.crypto.primitives.Hkdf;
import nym.crypto.primitives.TruncatedHmac;

/**
 * Proof that a registering client holds the private key of the address it registers, so nobody can
 * register someone else's public address and take its token: a truncated HMAC over
 * {@code "nym-provider-register-v1" ‖ address ‖ nonce}, keyed with HKDF of the X25519 secret
 * shared by the client's key and the provider's key.
 */
public final class RegistrationProof {
    /** Bytes of the client's fresh nonce. */
    public static final int NONCE_LENGTH = 16;
    /** Bytes of a proof. */
    public static final int LENGTH = TruncatedHmac.LENGTH;

    private static final byte[] LABEL = "nym-provider-register-v1".getBytes(StandardCharsets.US_ASCII);

    private RegistrationProof() {}

    /** @return the proof for {@code address} and {@code nonce} under the shared secret */
    public static byte[] compute(SharedSecret secret, byte[] address, byte[] nonce) {
        byte[] key = key(secret);
        try {
            return TruncatedHmac.compute(key, message(address, nonce), 0, LABEL.length + address.length + nonce.length);
        } catch (CryptoException e) {
            throw new IllegalStateException("BUG: derived proof key has the wrong length", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** @throws CryptoException with {@code MAC_MISMATCH} if the proof does not verify */
    public static void verify(SharedSecret secret, byte[] address, byte[] nonce, byte[] proof) throws CryptoException {
        byte[] key = key(secret);
        try {
            byte[] message = message(address, nonce);
            TruncatedHmac.verify(key, message, 0, message.length, proof);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] key(SharedSecret secret) {
        byte[] ikm = secret.toBytes(SecretAccess.insecureGrant());
        try {
            return Hkdf.deriveSha256(ikm, LABEL, TruncatedHmac.KEY_LENGTH);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    private static byte[] message(byte[] address, byte[] nonce) {
        byte[] message = new byte[LABEL.length + address.length + nonce.length];
        System.arraycopy(LABEL, 0, message, 0, LABEL.length);
        System.arraycopy(address, 0, message, LABEL.length, address.length);
        System.arraycopy(nonce, 0, message, LABEL.length + address.length, nonce.length);
        return message;
    }
}
