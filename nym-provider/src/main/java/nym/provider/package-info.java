/**
 * The store-and-forward provider: registration, auth tokens, durable inboxes and pulls.
 * It holds no types yet.
 */
package nym.provider;
