package nym.cli.command;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import nym.cli.config.ConfigException;
import nym.provider.ProviderException;
import nym.provider.client.ClientMessageStore;

/**
 * The handover of a store that can be read: its messages and payloads are copied aside, without
 * the earlier identity's SURB keys and used SURBs ({@link ClientMessageStore#copyReceivedTo}), and
 * once the new identity is registered the store is emptied in one transaction
 * ({@link ClientMessageStore#clearForNewIdentity}). The SURB keys, useless without the earlier
 * identity, are then in no file; the used SURBs stay in the store, as the client's.
 *
 * <p>The copy is made under a {@link #PARTIAL} name and given its own only at the commit, before the
 * store is emptied: a copy still under the partial name was never committed, so the store holds all
 * it holds, and the next {@code init} removes it ({@link #removeUncommitted}) instead of leaving a
 * second copy of the same messages beside the one it makes.
 */
final class CopyAsideHandover implements StoreHandover {
    /** How the name of a copy not yet committed ends. */
    private static final String PARTIAL = ".partial";
    private static final System.Logger LOG = System.getLogger(CopyAsideHandover.class.getName());

    private final ClientMessageStore store;
    private final Path storeFile;
    /** Where the copy of the earlier identity's messages goes, or null if it had none. */
    private final Path copy;
    /** Where the copy is until the commit, or null. */
    private final Path partial;
    private final String line;
    private boolean committed;
    private boolean closed;

    /**
     * @param store the opened store; this handover closes it
     * @param copy where its messages go once committed, or null if it held none
     * @param line the line saying so, or null
     */
    CopyAsideHandover(ClientMessageStore store, Path storeFile, Path copy, String line) {
        this.store = store;
        this.storeFile = storeFile;
        this.copy = copy;
        this.partial = copy == null ? null : partialOf(copy);
        this.line = line;
    }

    private static Path partialOf(Path copy) {
        return copy.resolveSibling(copy.getFileName() + PARTIAL);
    }

    /**
     * Removes the copies an earlier {@code init} made and was stopped before committing (killed):
     * everything in them is still in the store.
     *
     * @param folder the store's folder
     * @throws ConfigException if one cannot be removed
     */
    static void removeUncommitted(Path folder) throws ConfigException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(folder, "received-*.db" + PARTIAL + "*")) {
            for (Path file : stale) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot remove an uncommitted copy of received messages in " + folder + ": " + e);
        }
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
            store.copyReceivedTo(handover.partial);
        } catch (ProviderException e) {
            handover.close();
            throw ReceivedStoreFile.cannotSetAside(storeFile, e.getMessage());
        }
        return handover;
    }

    @Override
    public Optional<String> commit() throws ConfigException {
        try {
            if (copy != null) {
                ReceivedStoreFile.moveWithSideFiles(ReceivedStoreFile.files(partial), ReceivedStoreFile.files(copy));
            }
            store.clearForNewIdentity();
        } catch (IOException | ProviderException e) {
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
            for (Path file : Stream.concat(ReceivedStoreFile.files(copy).stream(),
                    ReceivedStoreFile.files(partial).stream()).toList()) {
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
