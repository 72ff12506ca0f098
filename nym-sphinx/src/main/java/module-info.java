/**
 * The Sphinx packet format of the reference implementation (nymtech/sphinx, crate
 * {@code sphinx-packet} 0.1.0), byte for byte: packet creation for routes of 1 to 5 hops, processing
 * of one hop at a node, replay tags, single-use reply blocks, and the splitting of long messages
 * into fragments.
 *
 * <p>Pure: no I/O, no threads, randomness injected by the caller.
 */
module nym.sphinx {
    requires transitive nym.crypto; // keys and group elements appear in this module's API

    exports nym.sphinx;
    exports nym.sphinx.fragment;
    exports nym.sphinx.route;
    exports nym.sphinx.surb;
}
