package nym.cli.command;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import nym.cli.config.ConfigException;
import nym.provider.ProviderException;
import nym.provider.client.ClientMessageStore;

/**
 * The handover of a store that can be read: its messages and payloads are copied aside, without
 * the earlier identity's SURB keys and used SURBs ({@link ClientMessageStore#copyReceivedTo}), and
 * once the new identity is registered the store is emptied in one transaction
 * ({@link ClientMessageStore#clearForNewIdentity}). The SURB keys, useless without the earlier
 * identity, are then in no file; the used SURBs stay in the store, as the client's.
 */
final class CopyAsideHandover implements StoreHandover {
    private static final System.Logger LOG = System.getLogger(CopyAsideHandover.class.getName());

    private final ClientMessageStore store;
    private final Path storeFile;
    /** The copy of the earlier identity's messages, or null if it had none. */
    private final Path copy;
    private final String line;
    private boolean committed;
    private boolean closed;

    /**
     * @param store the opened store; this handover closes it
     * @param copy where its messages were copied, or null if it held none
     * @param line the line saying so, or null
     */
    CopyAsideHandover(ClientMessageStore store, Path storeFile, Path copy, String line) {
        this.store = store;
        this.storeFile = storeFile;
        this.copy = copy;
        this.line = line;
    }

    /**
     * Copies the messages and payloads of {@code store} to {@code aside}.
     *
     * @param store the opened store; this handover closes it
     * @param aside a name no file has
     * @param line the line to print once committed
     * @throws ConfigException if the copy fails; the store is closed and unchanged, no copy is left
     */
    static CopyAsideHandover prepare(ClientMessageStore store, Path storeFile, Path aside, String line)
            throws ConfigException {
        CopyAsideHandover handover = new CopyAsideHandover(store, storeFile, aside, line);
        try {
            store.copyReceivedTo(aside);
        } catch (ProviderException e) {
            handover.close();
            throw ReceivedStoreFile.cannotSetAside(storeFile, e.getMessage());
        }
        return handover;
    }

    @Override
    public Optional<String> commit() throws ConfigException {
        try {
            store.clearForNewIdentity();
        } catch (ProviderException e) {
            close();
            throw ReceivedStoreFile.cannotSetAside(storeFile, e.getMessage() + " (the store is as it was)");
        }
        committed = true;
        close();
        return Optional.ofNullable(line);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            store.close(); // folds the write-ahead log into the file and removes it
        } catch (ProviderException e) {
            LOG.log(Level.WARNING, "closing " + storeFile + ": " + e.getMessage());
        }
        if (!committed && copy != null) {
            // The copy repeats what the store still holds: removing it loses nothing.
            for (Path file : ReceivedStoreFile.files(copy)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "cannot remove " + file + ", a copy of messages " + storeFile
                            + " still holds: " + e);
                }
            }
        }
    }
}
