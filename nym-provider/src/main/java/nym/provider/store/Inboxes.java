package nym.provider.store;

import java.nio.file.Path;

import nym.provider.ProviderException;
import nym.provider.client.ClientMessageStore;
import nym.provider.internal.store.SqliteClientMessageStore;
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

    /**
     * Opens, creating if needed, a client's durable store of received payloads and messages at
     * {@code file} (SQLite, write-ahead log, synchronous writes).
     *
     * @throws ProviderException with {@code STORAGE} if it cannot be opened
     */
    public static ClientMessageStore openClientStore(Path file) throws ProviderException {
        return SqliteClientMessageStore.open(file);
    }
}
