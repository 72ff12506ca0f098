package nym.topology;

import nym.crypto.keys.X25519PublicKey;

/**
 * What every node in a route has: where to reach it and the key to encrypt its Sphinx layer to.
 * Exactly a {@link MixNodeInfo} or a {@link ProviderInfo}; switch over them exhaustively.
 */
public sealed interface NodeInfo permits MixNodeInfo, ProviderInfo {
    /** @return where other nodes reach this one on the mixnet, {@code "ip:port"} */
    String host();

    /** @return the node's Sphinx (X25519) public key */
    X25519PublicKey publicKey();
}
