package nym.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
 * an earlier identity left there: the messages in it were sent to that identity, so the new one must
 * not be handed them, and nothing in it may be lost; the keys of the SURBs it handed out are of no
 * use without it, and must not stay readable. Its messages go aside, next to it, under a name with
 * the earlier identity's address and the time ({@code received-<address>-<yyyyMMdd'T'HHmmss'Z'>.db}),
 * and the store stays, emptied, for the new identity (docs/client.md, "A new identity").
 */
final class ReceivedStoreFile {
    /** How the line saying where the messages went begins. */
    static final String MOVED = "Moved the previous identity's received messages to ";
    private static final String NAME = "received.db";
    /** SQLite's files beside the database: a write-ahead log may hold committed messages. */
    private static final List<String> SIDE_FILES = List.of("-wal", "-shm", "-journal");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** A step between preparing and committing a handover: the new identity's registration. */
    @FunctionalInterface
    interface Registration<T> {
        T register() throws ConfigException;
    }

    private ReceivedStoreFile() {}

    /** @return the client's {@code data/received.db} */
    static Path of(String id) throws ConfigException {
        return NymHome.dataDir(NymHome.Kind.CLIENT, id).resolve(NAME);
    }

    /**
     * Hands the store at {@code store} over to a new identity around its {@code registration}: the
     * store is prepared first, so that nothing is registered if that fails, and committed only once
     * the registration succeeded, so that a failed registration leaves the store as it was. Call it
     * with the client's lock held, so that no run has the store open.
     *
     * @param publicKeyFile the earlier identity's public key, whose address names the messages set aside
     * @param announce gets the line saying where the earlier identity's messages went, if they went anywhere
     * @return what the registration returned
     * @throws ConfigException if a step fails: the store is then as it was (and no copy is left)
     */
    static <T> T handOver(Path store, Path publicKeyFile, Clock clock, Registration<T> registration,
            Consumer<String> announce) throws ConfigException {
        try (StoreHandover previous = prepareHandover(store, publicKeyFile, clock)) {
            T registered = registration.register();
            previous.commit().ifPresent(announce);
            return registered;
        }
    }

    /**
     * Prepares the handover of the store at {@code store}: reads it and copies its messages aside,
     * or, if it cannot be read, checks that it can be moved aside whole.
     *
     * @throws ConfigException if the name aside is taken (nothing is ever overwritten) or the copy fails
     */
    static StoreHandover prepareHandover(Path store, Path publicKeyFile, Clock clock) throws ConfigException {
        Path folder = store.toAbsolutePath().getParent();
        if (Files.isDirectory(folder)) {
            CopyAsideHandover.removeUncommitted(folder);
        }
        if (files(store).stream().noneMatch(Files::exists)) {
            return StoreHandover.NOTHING;
        }
        Path aside = store.resolveSibling("received-" + address(publicKeyFile) + "-" + STAMP.format(clock.instant())
                + ".db");
        for (Path taken : files(aside)) {
            if (Files.exists(taken)) {
                throw cannotSetAside(store, taken + " already exists");
            }
        }
        if (!Files.exists(store)) {
            return new MoveAsideHandover(files(store), files(aside), " (only SQLite's side files were left)");
        }
        ClientMessageStore opened = null;
        long messages;
        long fragments;
        try {
            opened = Inboxes.openClientStore(store); // also reads a write-ahead log a crashed run left
            messages = opened.messageCount();
            fragments = opened.payloadIds().size();
        } catch (ProviderException e) {
            closeQuietly(opened);
            return new MoveAsideHandover(files(store), files(aside), " (could not read it: " + e.getMessage() + ")");
        }
        if (messages == 0 && fragments == 0) {
            return new CopyAsideHandover(opened, store, null, null);
        }
        return CopyAsideHandover.prepare(opened, store, aside, MOVED + "\"" + aside + "\": " + messages
                + " message(s) not yet fetched, " + fragments + " fragment(s) of unfinished messages");
    }

    private static void closeQuietly(ClientMessageStore store) {
        if (store != null) {
            try {
                store.close();
            } catch (ProviderException e) {
                // Moved aside whole anyway.
            }
        }
    }

    /** @return the store and its side files, the store first */
    static List<Path> files(Path store) {
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

    /**
     * Moves each existing file of {@code from} to the name at the same place in {@code to}, the side
     * files first (a log left at the old name would be replayed into the next store there); if one
     * cannot be moved, moves back those that were.
     *
     * @param from a store and its side files, as {@link #files} lists them
     * @param to their new names, in the same order
     * @throws IOException saying what failed, and what could not be moved back if anything
     */
    static void moveWithSideFiles(List<Path> from, List<Path> to) throws IOException {
        List<Integer> moved = new ArrayList<>();
        try {
            for (int i = from.size() - 1; i >= 0; i--) {
                if (Files.exists(from.get(i))) {
                    Files.move(from.get(i), to.get(i), StandardCopyOption.ATOMIC_MOVE);
                    moved.add(i);
                }
            }
        } catch (IOException e) {
            for (int i : moved) {
                try {
                    Files.move(to.get(i), from.get(i), StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException back) {
                    throw new IOException(e + " (and " + to.get(i) + " could not be moved back: " + back + ")", e);
                }
            }
            throw new IOException(e.toString(), e);
        }
    }

    static ConfigException cannotSetAside(Path store, String why) {
        return new ConfigException("cannot set aside the previous identity's received messages at " + store + ": " + why);
    }
}
