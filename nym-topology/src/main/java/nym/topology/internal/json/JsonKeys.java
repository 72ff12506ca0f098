package nym.topology.internal.json;

import java.util.Base64;

import nym.crypto.CryptoException;
import nym.crypto.keys.X25519PublicKey;
import nym.topology.TopologyException;
import nym.topology.TopologyException.Reason;

/**
 * Public keys in the directory's JSON: URL-safe base64 with padding, 44 characters, as the seed's
 * topology shows them ({@code "_ObRUsYnHDJOPDHXyfq5bnIoSbdn3BsSRcrLl-FCY1c="}). Read also in base58,
 * the form of client addresses, which nodes of earlier versions of this project sent. A padded
 * base64 key always ends with {@code =} and base58 has no {@code =}, so the two cannot be confused.
 */
final class JsonKeys {
    private JsonKeys() {}

    static String write(X25519PublicKey key) {
        return Base64.getUrlEncoder().encodeToString(key.toByteArray());
    }

    /** @param address a client address (base58), as the model holds it */
    static String writeAddress(String address) {
        try {
            return write(X25519PublicKey.fromBase58(address));
        } catch (CryptoException e) {
            throw new IllegalStateException("the model holds only valid addresses: " + address, e);
        }
    }

    /** @throws TopologyException with {@code INVALID_VALUE} if {@code text} is neither form of 32 bytes */
    static X25519PublicKey read(String field, String text) throws TopologyException {
        try {
            if (text.endsWith("=")) {
                return X25519PublicKey.fromBytes(Base64.getUrlDecoder().decode(text));
            }
            return X25519PublicKey.fromBase58(text);
        } catch (CryptoException | IllegalArgumentException e) {
            throw new TopologyException(Reason.INVALID_VALUE, field + " must be URL-safe base64 (or base58) of "
                    + X25519PublicKey.LENGTH + " bytes", e);
        }
    }
}
