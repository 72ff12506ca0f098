/**
 * Keys, key files and the cryptographic primitives the Sphinx packet format needs: X25519 and
 * Ed25519 keys with PEM files, the unclamped Montgomery ladder and scalar arithmetic modulo the
 * group order, HKDF-SHA256, the AES-128-CTR key stream, truncated HMAC-SHA256, the Lioness wide-block
 * cipher, and base58.
 *
 * <p>Bouncy Castle supplies Ed25519; the JCA supplies AES, SHA-256 (under our HMAC) and ChaCha20
 * (hardware intrinsics). No Bouncy Castle type appears in this module's API.
 */
module nym.crypto {
    requires org.bouncycastle.provider;
    // Optional: the lane-parallel ladder that mix nodes use for batches of packets. Resolved only
    // when the JVM is started with --add-modules jdk.incubator.vector; absent, the scalar ladder runs.
    requires static jdk.incubator.vector;

    exports nym.crypto;
    exports nym.crypto.group;
    exports nym.crypto.keys;
    exports nym.crypto.primitives;
}
