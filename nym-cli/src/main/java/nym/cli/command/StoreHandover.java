package nym.cli.command;

import java.util.Optional;

import nym.cli.config.ConfigException;

/**
 * The handover of the received-message store an earlier identity left to a new identity, in two
 * steps around the new identity's registration: {@link ReceivedStoreFile#prepareHandover} does
 * everything that can fail for a reason of this machine (reading the store, copying its messages
 * aside) and changes nothing the client uses; {@link #commit()} then empties the store (or moves one
 * that cannot be read). {@link #close()} without a commit undoes the preparation, so a registration
 * that fails leaves the client as it was.
 */
interface StoreHandover extends AutoCloseable {
    /** The handover where there is no store: nothing to do. */
    StoreHandover NOTHING = new StoreHandover() {
        @Override
        public Optional<String> commit() {
            return Optional.empty();
        }

        @Override
        public void close() {}
    };

    /**
     * Makes the store the new identity's: the earlier identity's messages are only in the copy.
     *
     * @return the line saying where they went, if anywhere
     * @throws ConfigException if it fails; the store is then as it was, and the copy removed
     */
    Optional<String> commit() throws ConfigException;

    /** Undoes the preparation if {@link #commit()} did not succeed; releases the store. Never throws. */
    @Override
    void close();
}
