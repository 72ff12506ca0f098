/**
 * Payload padding, layered Lioness encryption and recovery of the message. Not exported.
 */
package nym.sphinx.internal.payload;
