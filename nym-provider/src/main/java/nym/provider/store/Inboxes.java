package nym.provider.store;

import java.nio.file.Path;

import nym.provider.ProviderException;
import nym.provider.internal.store.SqliteInboxStore;

/** Factories of {@link InboxStore} implementations. */
public final class Inboxes {
    private Inboxes() {}

    /**
     * Opens, creating if needed, the durable inbox database at {@code file}: SQLite in write-ahead-log
     * mode with synchronous writes, so a stored message survives a crash.
     *
     * @throws ProviderException with {@code STORAGE} if it cannot be opened
     */
    public static InboxStore openDurable(Path file) throws ProviderException {
        return SqliteInboxStore.open(file);
    }
}
