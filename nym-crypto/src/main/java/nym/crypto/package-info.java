/**
 * The values every other package of {@code nym.crypto} builds on: fixed-length byte values
 * ({@link nym.crypto.FixedBytes}), secret bytes that are never printed or hashed
 * ({@link nym.crypto.SecretBytes}, released only with a {@link nym.crypto.SecretAccess} token),
 * constant-time comparison, base58, and the module's checked exception for bad input.
 */
package nym.crypto;
