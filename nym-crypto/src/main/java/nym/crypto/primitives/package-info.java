/**
 * The symmetric primitives of the Sphinx packet format, as small static entry points: HKDF-SHA256,
 * the AES-128-CTR key stream, HMAC-SHA256 truncated to 16 bytes with a verification that throws,
 * SHA-256, and the Lioness wide-block cipher (ChaCha20 and keyed BLAKE2b) for payloads.
 */
package nym.crypto.primitives;
