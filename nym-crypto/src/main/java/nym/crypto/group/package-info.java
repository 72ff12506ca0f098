/**
 * The Curve25519 group as Sphinx uses it: Montgomery u-coordinates ({@link nym.crypto.group.GroupElement})
 * multiplied by scalars that are not clamped ({@link nym.crypto.group.Scalar}), and scalar arithmetic
 * modulo the prime order of the subgroup, for the sender's blinding accumulator.
 */
package nym.crypto.group;
