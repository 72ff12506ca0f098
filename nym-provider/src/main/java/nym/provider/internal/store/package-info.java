/** The SQLite-backed durable inbox. Not exported. */
package nym.provider.internal.store;
