package nym.provider.internal.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import nym.provider.ProviderException;
import nym.provider.client.ClientMessageStore;
import nym.provider.client.ReceivedMessage;
import nym.provider.store.StoredMessage;

/**
 * The durable {@link ClientMessageStore}: a SQLite file in write-ahead-log mode with synchronous
 * writes, one connection serialised by this object's lock.
 */
public final class SqliteClientMessageStore implements ClientMessageStore {
    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS payloads (id INTEGER PRIMARY KEY AUTOINCREMENT, payload BLOB NOT NULL,"
                + " received_at INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY AUTOINCREMENT, body BLOB NOT NULL,"
                + " received_at INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS origins (origin TEXT PRIMARY KEY, last_id INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS reply_keys (surb_id BLOB PRIMARY KEY, keys BLOB NOT NULL,"
                + " created_at INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS used_surbs (digest BLOB PRIMARY KEY, used_at INTEGER NOT NULL)",
    };

    private static final System.Logger LOG = System.getLogger(SqliteClientMessageStore.class.getName());

    private final Connection connection;

    private SqliteClientMessageStore(Connection connection) {
        this.connection = connection;
    }

    /** @throws ProviderException with {@code STORAGE} if the file cannot be opened */
    public static SqliteClientMessageStore open(Path file) throws ProviderException {
        Connection connection = SqliteFiles.open(file, SCHEMA);
        try {
            try (Statement pragma = connection.createStatement()) {
                // Deleted rows are overwritten with zeros: SURB keys a reply used up, and SURBs and
                // messages once fetched, do not stay readable in free pages of the file.
                pragma.execute("PRAGMA secure_delete=ON");
            }
            addReplySurbColumn(connection);
            // A run killed between deleting secrets and emptying the log left their old pages in
            // the file, with only the log holding the overwritten ones: fold it in now.
            eraseLog(connection);
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw SqliteFiles.storage("cannot upgrade " + file, e);
        }
        return new SqliteClientMessageStore(connection);
    }

    /** A store made before messages could carry a SURB gets the column; its messages have none. */
    private static void addReplySurbColumn(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet columns = query.executeQuery("PRAGMA table_info(messages)")) {
            while (columns.next()) {
                if ("reply_surb".equals(columns.getString("name"))) {
                    return;
                }
            }
        }
        try (Statement alter = connection.createStatement()) {
            alter.executeUpdate("ALTER TABLE messages ADD COLUMN reply_surb BLOB");
        }
    }

    @Override
    public synchronized OptionalLong storePayload(String origin, long originId, byte[] payload)
            throws ProviderException {
        long[] stored = {-1};
        try {
            SqliteFiles.inTransaction(connection, () -> {
                if (originId <= lastId(origin)) {
                    return;
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO payloads(payload, received_at) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS);
                        PreparedStatement last = connection.prepareStatement(
                                "INSERT OR REPLACE INTO origins(origin, last_id) VALUES (?, ?)")) {
                    insert.setBytes(1, payload);
                    insert.setLong(2, System.currentTimeMillis());
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        stored[0] = keys.getLong(1);
                    }
                    last.setString(1, origin);
                    last.setLong(2, originId);
                    last.executeUpdate();
                }
            });
            return stored[0] < 0 ? OptionalLong.empty() : OptionalLong.of(stored[0]);
        } catch (SQLException e) {
            throw SqliteFiles.storage("cannot store a payload", e);
        }
    }

    private long lastId(String origin) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT last_id FROM origins WHERE origin = ?")) {
            query.setString(1, origin);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : Long.MIN_VALUE;
            }
        }
    }

    @Override
    public synchronized List<StoredMessage> payloads() throws ProviderException {
        return SqliteFiles.list(connection, "SELECT id, payload FROM payloads ORDER BY id",
                rows -> new StoredMessage(rows.getLong(1), rows.getBytes(2)), "payloads");
    }

    @Override
    public synchronized List<Long> payloadIds() throws ProviderException {
        return SqliteFiles.list(connection, "SELECT id FROM payloads ORDER BY id", rows -> rows.getLong(1), "payloads");
    }

    @Override
    public synchronized List<StoredMessage> payloads(Collection<Long> ids) throws ProviderException {
        List<StoredMessage> out = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT payload FROM payloads WHERE id = ?")) {
            for (long id : new TreeSet<>(ids)) {
                query.setLong(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        out.add(new StoredMessage(id, rows.getBytes(1)));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqliteFiles.storage("cannot read payloads", e);
        }
    }

    @Override
    public synchronized void deletePayloads(Collection<Long> ids) throws ProviderException {
        try {
            SqliteFiles.inTransaction(connection, () -> deleteRows(ids));
        } catch (SQLException e) {
            throw SqliteFiles.storage("cannot delete payloads", e);
        }
    }

    @Override
    public synchronized void completeMessage(byte[] message, byte[] replySurb, Collection<Long> payloadIds)
            throws ProviderException {
        try {
            SqliteFiles.inTransaction(connection, () -> {
                insertMessage(message, replySurb);
                deleteRows(payloadIds);
            });
        } catch (SQLException e) {
            throw SqliteFiles.storage("cannot store a message", e);
        }
    }

    private void insertMessage(byte[] message, byte[] replySurb) throws SQLException {
        insertStamped("INSERT INTO messages(body, reply_surb, received_at) VALUES (?, ?, ?)", message, replySurb);
    }

    /** Runs {@code sql}, whose three parameters are two blobs and the time now (Unix ms). */
    private void insertStamped(String sql, byte[] first, byte[] second) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setBytes(1, first);
            insert.setBytes(2, second);
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
        }
    }

    @Override
    public synchronized void saveReplyKeys(byte[] surbId, byte[] keys) throws ProviderException {
        try {
            insertStamped("INSERT OR REPLACE INTO reply_keys(surb_id, keys, created_at) VALUES (?, ?, ?)", surbId, keys);
        } catch (SQLException e) {
            throw SqliteFiles.storage("cannot keep a SURB's keys", e);
        }
    }

    @Override
    public synchronized Optional<byte[]> replyKeys(byte[] surbId) throws ProviderException {
        try (PreparedStatement query = connection.prepareStatement("SELECT keys FROM reply_keys WHERE surb_id = ?")) {
            query.setBytes(1, surbId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqliteFiles.storage("cannot read a SURB's keys", e);
        }
    }

    @Override
    public synchronized void completeReply(byte[] message, byte[] surbId, long payloadId) throws ProviderException {
        try {
            SqliteFiles.inTransaction(connection, () -> {
                insertMessage(message, null);
                deleteRows(List.of(payloadId));
                update("DELETE FROM reply_keys WHERE surb_id = ?", surbId);
            });
        } catch (SQLException e) {
            throw SqliteFiles.storage("cannot store a reply", e);
        }
        eraseLog(connection);
    }

    /** @return the rows {@code sql}, with its one parameter set to {@code parameter}, changed */
    private int update(String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            return statement.executeUpdate();
        }
    }

    /**
     * {@link #update} on its own, outside a transaction of the caller's.
     *
     * @param failure the storage error's message if it fails
     */
    private int change(String sql, Object parameter, String failure) throws ProviderException {
        try {
            return update(sql, parameter);
        } catch (SQLException e) {
            throw SqliteFiles.storage(failure, e);
        }
    }

    /**
     * Moves the write-ahead log into the file and empties it, after SURB keys were deleted (also by a
     * run killed before doing so, at the next open): the log still holds the frames that wrote them.
     * Best effort: the keys are already deleted.
     */
    private static void eraseLog(Connection connection) {
        try (Statement checkpoint = connection.createStatement()) {
            checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "deleted SURB keys may stay in the write-ahead log until its next checkpoint: " + e.getMessage());
        }
    }

    @Override
    public synchronized void forgetReplyKeys(byte[] surbId) throws ProviderException {
        change("DELETE FROM reply_keys WHERE surb_id = ?", surbId, "cannot forget a SURB's keys");
        eraseLog(connection);
    }

    @Override
    public synchronized boolean markSurbUsed(byte[] digest) throws ProviderException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO used_surbs(digest, used_at) VALUES (?, ?)")) {
            insert.setBytes(1, digest);
            insert.setLong(2, System.currentTimeMillis());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw SqliteFiles.storage("cannot note a used SURB", e);
        }
    }

    @Override
    public synchronized void unmarkSurbUsed(byte[] digest) throws ProviderException {
        change("DELETE FROM used_surbs WHERE digest = ?", digest, "cannot take back a used SURB");
    }

    @Override
    public synchronized void forgetUsedSurbsBefore(long cutoffMillis) throws ProviderException {
        change("DELETE FROM used_surbs WHERE used_at < ?", cutoffMillis, "cannot forget used SURBs");
    }

    @Override
    public synchronized int forgetReplyKeysBefore(long cutoffMillis) throws ProviderException {
        int forgotten = change("DELETE FROM reply_keys WHERE created_at < ?", cutoffMillis, "cannot forget old SURB keys");
        if (forgotten > 0) {
            eraseLog(connection);
        }
        return forgotten;
    }

    @Override
    public synchronized List<ReceivedMessage> peekMessages(int max, long maxBytes, Set<Long> exclude)
            throws ProviderException {
        List<ReceivedMessage> out = new ArrayList<>();
        long bytes = 0;
        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT id, body, reply_surb FROM messages ORDER BY id")) {
            while (rows.next() && out.size() < max) {
                long id = rows.getLong(1);
                if (exclude.contains(id)) {
                    continue;
                }
                byte[] body = rows.getBytes(2);
                if (!out.isEmpty() && bytes + body.length > maxBytes) {
                    break;
                }
                out.add(new ReceivedMessage(id, body, rows.getBytes(3)));
                bytes += body.length;
            }
            return out;
        } catch (SQLException e) {
            throw SqliteFiles.storage("cannot read messages", e);
        }
    }

    @Override
    public synchronized void deleteMessages(Collection<Long> ids) throws ProviderException {
        try {
            SqliteFiles.inTransaction(connection, () -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM messages WHERE id = ?")) {
                    for (long id : ids) {
                        delete.setLong(1, id);
                        delete.executeUpdate();
                    }
                }
            });
        } catch (SQLException e) {
            throw SqliteFiles.storage("cannot delete messages", e);
        }
    }

    @Override
    public synchronized long messageCount() throws ProviderException {
        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM messages")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw SqliteFiles.storage("cannot count messages", e);
        }
    }

    @Override
    public synchronized void copyReceivedTo(Path file) throws ProviderException {
        SqliteIdentityHandover.copyReceivedTo(connection, file);
    }

    @Override
    public synchronized void clearForNewIdentity() throws ProviderException {
        SqliteIdentityHandover.clearForNewIdentity(connection);
    }

    @Override
    public synchronized void close() throws ProviderException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw SqliteFiles.storage("cannot close the message store", e);
        }
    }

    private void deleteRows(Collection<Long> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM payloads WHERE id = ?")) {
            for (long id : ids) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        }
    }
}
