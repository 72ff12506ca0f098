/**
 * Key pairs and key files: X25519 keys for Sphinx key agreement and client addresses, Ed25519
 * identity keys for signatures, and their PEM files ({@code private_identity.pem},
 * {@code public_identity.pem}).
 */
package nym.crypto.keys;
