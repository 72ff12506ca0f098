package nym.cli.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import nym.cli.config.ConfigException;

/**
 * The handover of a store that cannot be read (not a database, or only SQLite's side files left):
 * it may hold messages nobody can copy out, so at the commit it is moved aside whole, with its side
 * files, as it is. It may hold the earlier identity's SURB keys too; the line says that it could not
 * be read.
 */
final class MoveAsideHandover implements StoreHandover {
    private final List<Path> from;
    private final List<Path> to;
    private final String line;

    /**
     * @param from the store and its side files, the store first
     * @param to their names aside, in the same order; no file has them
     * @param why how the line ends: why the store is moved unread
     */
    MoveAsideHandover(List<Path> from, List<Path> to, String why) {
        this.from = List.copyOf(from);
        this.to = List.copyOf(to);
        this.line = ReceivedStoreFile.MOVED + "\"" + to.get(0) + "\"" + why;
    }

    @Override
    public Optional<String> commit() throws ConfigException {
        try {
            ReceivedStoreFile.moveWithSideFiles(from, to);
        } catch (IOException e) {
            throw ReceivedStoreFile.cannotSetAside(from.get(0), e.getMessage());
        }
        return Optional.of(line);
    }

    @Override
    public void close() {}
}
