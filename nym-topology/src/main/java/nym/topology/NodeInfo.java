package nym.topology;

import nym.crypto.keys.X25519PublicKey;

/**
 * What every node in a route has: where to reach it and the key to encrypt its Sphinx layer to.
 * Exactly a {@link MixNodeInfo} or a {@link ProviderInfo}; switch over them exhaustively.
 */
public sealed interface NodeInfo permits MixNodeInfo, ProviderInfo {
    /** @return where other nodes reach this one on the mixnet, {@code "ip:port"} */
    String host();

    /** @return the node's X25519 public key, which names it (and for a provider, its clients' addresses) */
    X25519PublicKey publicKey();

    /**
     * @return the key to encrypt the node's Sphinx layer to: a mix node's {@link #publicKey()}, which
     *     it replaces from time to time; a provider's own Sphinx key, which it replaces while its
     *     {@link #publicKey()} stays
     */
    default X25519PublicKey sphinxKey() {
        return publicKey();
    }
}
