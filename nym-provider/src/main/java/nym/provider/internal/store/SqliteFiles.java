package nym.provider.internal.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import nym.provider.ProviderException;

/** Opening a durable SQLite file (WAL, synchronous=FULL) and running transactions on it. */
final class SqliteFiles {
    /** Work inside a transaction. */
    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    private SqliteFiles() {}

    static Connection open(Path file, String[] schema) throws ProviderException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            createOwnerOnly(file);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA busy_timeout=5000");
                for (String sql : schema) {
                    statement.execute(sql);
                }
            } catch (SQLException e) {
                try {
                    connection.close(); // a file that is not a database is not left open
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
            return connection;
        } catch (SQLException | IOException e) {
            throw storage("cannot open database " + file, e);
        }
    }

    /**
     * Creates the database file readable by its owner only (it holds auth tokens or messages);
     * SQLite gives its WAL and shared-memory files the permissions of the main file.
     */
    private static void createOwnerOnly(Path file) throws IOException {
        if (Files.exists(file) || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    static void inTransaction(Connection connection, Work work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** One row of a query's result, as a value. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * @param what what is read, for the error ("cannot read ...")
     * @return every row of {@code sql} (no parameters), in its order
     */
    static <T> List<T> list(Connection connection, String sql, Row<T> row, String what) throws ProviderException {
        List<T> out = new ArrayList<>();
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            while (rows.next()) {
                out.add(row.read(rows));
            }
            return out;
        } catch (SQLException e) {
            throw storage("cannot read " + what, e);
        }
    }

    static ProviderException storage(String what, Exception cause) {
        return new ProviderException(ProviderException.Reason.STORAGE, what + ": " + cause.getMessage(), cause);
    }
}
