/**
 * The store-and-forward provider ({@link nym.provider.ProviderServer}): the last hop of every route,
 * with durable inboxes, registration and pulls; its configuration and counters.
 */
package nym.provider;
