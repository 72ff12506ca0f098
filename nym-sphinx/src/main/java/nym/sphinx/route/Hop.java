package nym.sphinx.route;

import java.util.Objects;

import nym.crypto.keys.X25519PublicKey;

/**
 * One node of a route: where it is and the key its Sphinx layer is built for.
 *
 * @param address the node's address, written into the previous hop's routing block; not null
 * @param publicKey the node's X25519 public key; not null
 */
public record Hop(NodeAddress address, X25519PublicKey publicKey) {
    /** Checks for nulls. */
    public Hop {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
