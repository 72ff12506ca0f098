package nym.crypto;

/**
 * The token a caller passes to read raw secret bytes. It grants nothing by itself: it makes every
 * place that touches key material visible to {@code grep SecretAccess}.
 *
 * <p>Security guarantee: none at run time; this is an auditing device, as in Tink's
 * {@code SecretKeyAccess}.
 */
public final class SecretAccess {
    private static final SecretAccess INSTANCE = new SecretAccess();

    private SecretAccess() {}

    /**
     * Returns the token. Call it only where raw secret bytes must leave their type: serialising a
     * key to its file, feeding a secret to a primitive.
     *
     * @return the token
     */
    public static SecretAccess insecureGrant() {
        return INSTANCE;
    }
}
