package nym.provider.client;

import nym.crypto.Base58;
import nym.crypto.SecretAccess;
import nym.crypto.SecretBytes;
import nym.provider.ProviderException;

/**
 * The secret a provider gives a registered client; the client attaches it to every pull. 32 bytes,
 * shown to the user in base58 (the seed's {@code using optional AuthToken: "..."}). Secret:
 * {@code toString()} hides it; compare with {@link #equalsSecret}, which runs in constant time.
 */
public final class AuthToken {
    /** Bytes of a token. */
    public static final int LENGTH = 32;

    private final SecretBytes bytes;

    private AuthToken(byte[] bytes) {
        this.bytes = SecretBytes.copyOf(bytes);
    }

    /**
     * @throws ProviderException with {@code MALFORMED} unless 32 bytes
     */
    public static AuthToken fromBytes(byte[] bytes) throws ProviderException {
        if (bytes == null || bytes.length != LENGTH) {
            throw new ProviderException(ProviderException.Reason.MALFORMED, "auth token must be " + LENGTH + " bytes");
        }
        return new AuthToken(bytes);
    }

    /** @throws ProviderException with {@code MALFORMED} if it is not base58 of 32 bytes */
    public static AuthToken fromBase58(String text) throws ProviderException {
        try {
            return fromBytes(Base58.decode(text));
        } catch (nym.crypto.CryptoException e) {
            throw new ProviderException(ProviderException.Reason.MALFORMED, "auth token is not base58");
        }
    }

    /** @return the token's bytes */
    public byte[] toBytes(SecretAccess access) {
        return bytes.toByteArray(access);
    }

    /** @return the token in base58, for the client's config file and the seed's output */
    public String toBase58(SecretAccess access) {
        return Base58.encode(bytes.toByteArray(access));
    }

    /** @return whether both are the same token, compared in constant time */
    public boolean equalsSecret(AuthToken other) {
        return bytes.equalsSecret(other.bytes);
    }

    @Override
    public String toString() {
        return "AuthToken[secret]";
    }
}
