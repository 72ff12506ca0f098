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

import nym.crypto.SecretAccess;
import nym.provider.ProviderException;
import nym.provider.client.AuthToken;
import nym.provider.store.InboxStore;
import nym.provider.store.StoredMessage;
import nym.sphinx.SphinxException;
import nym.sphinx.route.DestinationAddress;

/**
 * The durable {@link InboxStore}: one SQLite database file in write-ahead-log mode with
 * {@code synchronous=FULL}, so a committed message survives a crash of the process or the machine.
 * One connection, serialised by this object's lock (SQLite serialises writers anyway).
 */
public final class SqliteInboxStore implements InboxStore {
    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS clients (address BLOB PRIMARY KEY, token BLOB NOT NULL,"
                + " registered_at INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY AUTOINCREMENT, address BLOB NOT NULL,"
                + " payload BLOB NOT NULL, stored_at INTEGER NOT NULL)",
        "CREATE INDEX IF NOT EXISTS messages_by_address ON messages(address, id)",
    };

    private final Connection connection;

    private SqliteInboxStore(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the database at {@code file}.
     *
     * @throws ProviderException with {@code STORAGE} if it cannot be opened
     */
    public static SqliteInboxStore open(Path file) throws ProviderException {
        return new SqliteInboxStore(SqliteFiles.open(file, SCHEMA));
    }

    @Override
    public synchronized AuthToken register(DestinationAddress client, AuthToken token) throws ProviderException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO clients(address, token, registered_at) VALUES (?, ?, ?)")) {
            insert.setBytes(1, client.toByteArray());
            insert.setBytes(2, token.toBytes(SecretAccess.insecureGrant()));
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw storage("cannot register a client", e);
        }
        return tokenOf(client).orElseThrow(() -> new ProviderException(ProviderException.Reason.STORAGE,
                "registered client not found"));
    }

    @Override
    public synchronized Optional<AuthToken> tokenOf(DestinationAddress client) throws ProviderException {
        try (PreparedStatement query = connection.prepareStatement("SELECT token FROM clients WHERE address = ?")) {
            query.setBytes(1, client.toByteArray());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(AuthToken.fromBytes(rows.getBytes(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw storage("cannot read a client", e);
        }
    }

    @Override
    public synchronized List<DestinationAddress> registeredClients() throws ProviderException {
        List<DestinationAddress> out = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT address FROM clients ORDER BY registered_at")) {
            while (rows.next()) {
                out.add(DestinationAddress.fromBytes(rows.getBytes(1)));
            }
            return out;
        } catch (SQLException | SphinxException e) {
            throw storage("cannot list clients", e);
        }
    }

    @Override
    public synchronized void store(DestinationAddress client, byte[] payload) throws ProviderException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO messages(address, payload, stored_at) VALUES (?, ?, ?)")) {
            insert.setBytes(1, client.toByteArray());
            insert.setBytes(2, payload);
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw storage("cannot store a message", e);
        }
    }

    @Override
    public synchronized List<StoredMessage> peek(DestinationAddress client, int max) throws ProviderException {
        List<StoredMessage> out = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, payload FROM messages WHERE address = ? ORDER BY id LIMIT ?")) {
            query.setBytes(1, client.toByteArray());
            query.setInt(2, max);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    out.add(new StoredMessage(rows.getLong(1), rows.getBytes(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw storage("cannot read messages", e);
        }
    }

    @Override
    public synchronized int acknowledge(DestinationAddress client, Collection<Long> ids) throws ProviderException {
        if (ids.isEmpty()) {
            return 0;
        }
        int[] deleted = {0};
        try {
            SqliteFiles.inTransaction(connection, () -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM messages WHERE address = ? AND id = ?")) {
                    for (long id : ids) {
                        delete.setBytes(1, client.toByteArray());
                        delete.setLong(2, id);
                        deleted[0] += delete.executeUpdate();
                    }
                }
            });
            return deleted[0];
        } catch (SQLException e) {
            throw storage("cannot delete messages", e);
        }
    }

    @Override
    public synchronized long count(DestinationAddress client) throws ProviderException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM messages WHERE address = ?")) {
            query.setBytes(1, client.toByteArray());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw storage("cannot count messages", e);
        }
    }

    @Override
    public synchronized void close() throws ProviderException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw storage("cannot close the inbox database", e);
        }
    }

    private static ProviderException storage(String what, Exception cause) {
        return SqliteFiles.storage(what, cause);
    }
}
