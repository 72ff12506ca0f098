package nym.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import nym.cli.config.ConfigException;
import nym.cli.config.NymHome;
import nym.crypto.CryptoException;
import nym.crypto.keys.KeyPem;
import nym.provider.ProviderException;
import nym.provider.client.ClientMessageStore;
import nym.provider.store.Inboxes;

/**
 * A client's received-message store, {@code data/received.db}, and what {@code init} does with one
 * an earlier identity left there: the messages in it were sent to that identity, so the new one
 * must not be handed them, and nothing in it may be lost. A store holding a message or a fragment
 * is moved aside, next to it, under a name with the earlier identity's address and the time
 * ({@code received-<address>-<yyyyMMdd'T'HHmmss'Z'>.db}); a store holding nothing is removed.
 */
final class ReceivedStoreFile {
    /** How the line {@link #setAside} returns begins. */
    static final String MOVED = "Moved the previous identity's received messages to ";
    private static final String NAME = "received.db";
    /** SQLite's files beside the database: a write-ahead log may hold committed messages. */
    private static final List<String> SIDE_FILES = List.of("-wal", "-shm", "-journal");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private ReceivedStoreFile() {}

    /** @return the client's {@code data/received.db} */
    static Path of(String id) throws ConfigException {
        return NymHome.dataDir(NymHome.Kind.CLIENT, id).resolve(NAME);
    }

    /**
     * Moves the store at {@code store} aside, or removes it if it holds nothing; call it with the
     * client's lock held, so that no run has the store open.
     *
     * @param publicKeyFile the earlier identity's public key, whose address names the moved store
     * @return the line saying where the store went, if it was moved
     * @throws ConfigException if it cannot be moved (the caller then writes no new identity)
     */
    static Optional<String> setAside(Path store, Path publicKeyFile, Clock clock) throws ConfigException {
        if (files(store).stream().noneMatch(Files::exists)) {
            return Optional.empty();
        }
        String contents;
        try {
            contents = contents(store);
        } catch (ProviderException e) {
            contents = " (could not read it: " + e.getMessage() + ")";
        }
        try {
            if (contents.isEmpty()) {
                for (Path file : files(store)) {
                    Files.deleteIfExists(file);
                }
                return Optional.empty();
            }
            Path aside = store.resolveSibling("received-" + address(publicKeyFile) + "-" + STAMP.format(clock.instant())
                    + ".db");
            List<Path> from = files(store);
            List<Path> to = files(aside);
            for (int i = 0; i < from.size(); i++) {
                if (Files.exists(from.get(i)) && Files.exists(to.get(i))) {
                    throw cannotSetAside(store, to.get(i) + " already exists");
                }
            }
            // The side files first: a log left at the old name would be replayed into the next store.
            for (int i = from.size() - 1; i >= 0; i--) {
                if (Files.exists(from.get(i))) {
                    Files.move(from.get(i), to.get(i), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return Optional.of(MOVED + "\"" + aside + "\"" + contents);
        } catch (IOException e) {
            throw cannotSetAside(store, e.toString());
        }
    }

    /**
     * Opens the store, which folds a write-ahead log left by a crash into the file and removes it
     * on close.
     *
     * @return what it holds for the line, or "" if nothing (and no SQLite file is left beside it)
     */
    private static String contents(Path store) throws ProviderException {
        if (!Files.exists(store)) {
            return " (only SQLite's side files were left)";
        }
        long messages;
        long fragments;
        try (ClientMessageStore opened = Inboxes.openClientStore(store)) {
            messages = opened.messageCount();
            fragments = opened.payloads().size();
        }
        if (messages == 0 && fragments == 0 && files(store).stream().skip(1).noneMatch(Files::exists)) {
            return "";
        }
        return ": " + messages + " message(s) not yet fetched, " + fragments + " fragment(s) of unfinished messages";
    }

    /** @return the store and its side files, the store first */
    private static List<Path> files(Path store) {
        return Stream.concat(Stream.of(""), SIDE_FILES.stream())
                .map(side -> store.resolveSibling(store.getFileName() + side)).toList();
    }

    private static String address(Path publicKeyFile) {
        try {
            return KeyPem.readX25519Public(publicKeyFile).toBase58();
        } catch (CryptoException e) {
            return "unknown-identity";
        }
    }

    private static ConfigException cannotSetAside(Path store, String why) {
        return new ConfigException("cannot set aside the previous identity's received messages at " + store + ": " + why);
    }
}
