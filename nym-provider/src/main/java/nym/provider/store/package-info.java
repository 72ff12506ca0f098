/**
 * The provider's state as an interface ({@link nym.provider.store.InboxStore}): registered clients
 * and their durable inboxes, with an in-memory implementation for tests.
 */
package nym.provider.store;
