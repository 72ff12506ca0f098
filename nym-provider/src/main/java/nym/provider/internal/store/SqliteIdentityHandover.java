package nym.provider.internal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import nym.provider.ProviderException;

/**
 * The SQL of handing a client's store over to a new identity (docs/client.md, "A new identity"):
 * copying what the earlier identity received into a new file, without its secrets, and emptying the
 * store. Called by {@link SqliteClientMessageStore} under its lock, on its connection.
 */
final class SqliteIdentityHandover {
    /** What is copied: what was received, never the SURB keys or the used SURBs. */
    private static final String[] COPY = {
        "INSERT INTO copy.payloads(id, payload, received_at) SELECT id, payload, received_at FROM main.payloads",
        "INSERT INTO copy.messages(id, body, received_at, reply_surb)"
                + " SELECT id, body, received_at, reply_surb FROM main.messages",
        "INSERT INTO copy.origins(origin, last_id) SELECT origin, last_id FROM main.origins",
    };
    /** Emptied for the new identity; {@code sqlite_sequence} restarts the ids, which count what came before. */
    private static final String[] CLEARED = {"payloads", "messages", "origins", "reply_keys", "sqlite_sequence"};
    private static final System.Logger LOG = System.getLogger(SqliteIdentityHandover.class.getName());

    private SqliteIdentityHandover() {}

    static void copyReceivedTo(Connection connection, Path file) throws ProviderException {
        if (Files.exists(file)) {
            throw new ProviderException(ProviderException.Reason.STORAGE, "cannot copy the store to " + file
                    + ": it exists");
        }
        SqliteClientMessageStore.open(file).close(); // the schema, in a file readable by its owner only
        try {
            try (PreparedStatement attach = connection.prepareStatement("ATTACH DATABASE ? AS copy")) {
                attach.setString(1, file.toAbsolutePath().toString());
                attach.execute();
            }
            try {
                try (Statement pragma = connection.createStatement()) {
                    pragma.execute("PRAGMA copy.synchronous=FULL");
                }
                SqliteFiles.inTransaction(connection, () -> {
                    try (Statement copy = connection.createStatement()) {
                        for (String sql : COPY) {
                            copy.executeUpdate(sql);
                        }
                    }
                });
            } finally {
                try (Statement detach = connection.createStatement()) {
                    detach.execute("DETACH DATABASE copy"); // its last connection: its log is folded in
                }
            }
        } catch (SQLException e) {
            throw SqliteFiles.storage("cannot copy the store to " + file, e);
        }
        syncDirectory(file.toAbsolutePath().getParent());
    }

    /**
     * Makes the new file's name durable: the caller deletes the messages from the store next, and
     * SQLite syncs the file's contents but not the folder entry of a file it did not create.
     */
    private static void syncDirectory(Path directory) throws ProviderException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException | AccessDeniedException e) {
            // A platform that cannot open a folder (Windows) makes the entry durable with the file.
        } catch (IOException e) {
            throw SqliteFiles.storage("cannot sync " + directory, e);
        }
    }

    static void clearForNewIdentity(Connection connection) throws ProviderException {
        try {
            SqliteFiles.inTransaction(connection, () -> {
                try (Statement delete = connection.createStatement()) {
                    for (String table : CLEARED) {
                        delete.executeUpdate("DELETE FROM " + table);
                    }
                }
            });
        } catch (SQLException e) {
            throw SqliteFiles.storage("cannot empty the store for a new identity", e);
        }
        // secure_delete has overwritten the rows; VACUUM also rewrites pages freed before it was on (a
        // store of an earlier version), and the checkpoint empties the log that held the old pages.
        try (Statement rewrite = connection.createStatement()) {
            rewrite.execute("VACUUM");
            rewrite.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "the earlier identity's deleted rows may stay in free pages of the "
                    + "store until they are reused: " + e.getMessage());
        }
    }
}
