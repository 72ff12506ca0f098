package nym.provider.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.provider.store.Inboxes;

/** What a client's store keeps for anonymous replies: SURBs that came with messages, and the keys of its own. */
class ClientStoreRepliesTest {
    private static final byte[] SURB_ID = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    @Test
    void aMessageKeepsTheSurbItCameWith(@TempDir Path dir) throws Exception {
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            store.completeMessage(new byte[] {'a'}, new byte[] {9, 9}, List.of());
            store.completeMessage(new byte[] {'b'}, List.of());
            List<ReceivedMessage> messages = store.peekMessages(10, Long.MAX_VALUE, Set.of());
            assertArrayEquals(new byte[] {9, 9}, messages.get(0).replySurb());
            assertNull(messages.get(1).replySurb());
        }
    }

    @Test
    void aReplyUsesUpItsSurbsKeysInTheSameTransaction(@TempDir Path dir) throws Exception {
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            store.saveReplyKeys(SURB_ID, new byte[] {42});
            assertArrayEquals(new byte[] {42}, store.replyKeys(SURB_ID).orElseThrow());
            long payload = store.storePayload("provider", 1, new byte[] {0}).orElseThrow();

            store.completeReply("the reply".getBytes(), SURB_ID, payload);
            assertTrue(store.replyKeys(SURB_ID).isEmpty(), "a SURB carries one reply");
            assertEquals(List.of(), store.payloads());
            assertArrayEquals("the reply".getBytes(), store.peekMessages(10, Long.MAX_VALUE, Set.of()).get(0).body());
        }
    }

    /**
     * Keys a reply used up are gone from the files too, not only from the table: whoever copies
     * received.db later cannot decrypt a recorded reply nor tie it to this client by its SURB id.
     */
    @Test
    void usedKeysLeaveNoTraceInTheFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("received.db");
        byte[] keys = new byte[977];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (byte) (i * 31 + 7);
        }
        byte[] otherId = otherSurbId();
        try (ClientMessageStore store = Inboxes.openClientStore(file)) {
            store.saveReplyKeys(SURB_ID, keys);
            store.saveReplyKeys(otherId, keys);
            long payload = store.storePayload("provider", 1, new byte[] {0}).orElseThrow();
            store.completeReply("the reply".getBytes(), SURB_ID, payload);
            store.forgetReplyKeys(otherId);
            assertFalse(filesHold(file, keys), "while the store is open");
        }
        assertFalse(filesHold(file, keys), "after it is closed");
    }

    /**
     * A store emptied for a new identity keeps no earlier key readable, also one deleted before the
     * store overwrote deleted rows (a store of an earlier version, without secure_delete), and keeps
     * the SURBs the client replied through.
     */
    @Test
    void aStoreClearedForANewIdentityHoldsNoEarlierKeyInItsFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("received.db");
        byte[] keys = new byte[977];
        Arrays.fill(keys, (byte) 0x5a);
        try (ClientMessageStore store = Inboxes.openClientStore(file)) {
            for (int i = 0; i < 20; i++) { // several pages, which the deletion below puts on the free list
                byte[] id = SURB_ID.clone();
                id[0] = (byte) i;
                store.saveReplyKeys(id, keys);
            }
            store.markSurbUsed(new byte[] {7});
        }
        try (Connection earlier = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement delete = earlier.createStatement()) {
            delete.execute("PRAGMA secure_delete=OFF");
            delete.executeUpdate("DELETE FROM reply_keys");
        }
        assertTrue(filesHold(file, keys), "deleted without secure_delete: still in a free page");
        try (ClientMessageStore store = Inboxes.openClientStore(file)) {
            store.clearForNewIdentity();

            assertFalse(filesHold(file, keys), "while the store is open");
            assertFalse(store.markSurbUsed(new byte[] {7}), "the used SURB is kept");
        }
        assertFalse(filesHold(file, keys), "after it is closed");
    }

    /**
     * A client killed after deleting keys but before emptying the write-ahead log leaves the keys'
     * old pages in the file (the log holds their overwritten versions): the next open folds the log
     * in, so they do not stay readable until some later checkpoint.
     */
    @Test
    void keysDeletedByARunKilledBeforeItsCheckpointAreGoneOnceOpened(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("received.db");
        byte[] keys = new byte[977];
        Arrays.fill(keys, (byte) 0x3c);
        try (ClientMessageStore store = Inboxes.openClientStore(file)) {
            store.saveReplyKeys(SURB_ID, keys);
        }
        Path crashed = Files.createDirectory(dir.resolve("crashed")).resolve("received.db");
        try (Connection killed = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement delete = killed.createStatement()) {
            delete.execute("PRAGMA secure_delete=ON");
            delete.execute("PRAGMA wal_autocheckpoint=0");
            delete.executeUpdate("DELETE FROM reply_keys");
            // The files as a kill at this point leaves them: the deletion is only in the log.
            Files.copy(file, crashed);
            Files.copy(file.resolveSibling("received.db-wal"), crashed.resolveSibling("received.db-wal"));
        }
        assertTrue(filesHold(crashed, keys), "the old pages are still in the file");
        try (ClientMessageStore store = Inboxes.openClientStore(crashed)) {
            assertTrue(store.replyKeys(SURB_ID).isEmpty(), "the deletion was committed");
            assertFalse(filesHold(crashed, keys), "once opened");
        }
    }

    private static byte[] otherSurbId() {
        byte[] id = SURB_ID.clone();
        id[0] = 99;
        return id;
    }

    /** @return whether the store's file or its write-ahead log holds a 32-byte run of {@code secret} */
    private static boolean filesHold(Path file, byte[] secret) throws Exception {
        byte[] needle = Arrays.copyOfRange(secret, 100, 132);
        for (Path path : List.of(file, file.resolveSibling(file.getFileName() + "-wal"))) {
            if (!Files.exists(path)) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(path);
            for (int i = 0; i + needle.length <= bytes.length; i++) {
                if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aSurbIsMarkedUsedOnceUntilTakenBackOrForgotten(@TempDir Path dir) throws Exception {
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            assertTrue(store.markSurbUsed(SURB_ID));
            assertFalse(store.markSurbUsed(SURB_ID), "used already");
            store.unmarkSurbUsed(SURB_ID);
            assertTrue(store.markSurbUsed(SURB_ID), "taken back: the reply was not sent");
            store.forgetUsedSurbsBefore(System.currentTimeMillis() - 60_000);
            assertFalse(store.markSurbUsed(SURB_ID), "not old enough to forget");
            store.forgetUsedSurbsBefore(System.currentTimeMillis() + 60_000);
            assertTrue(store.markSurbUsed(SURB_ID));
        }
    }

    @Test
    void keysOlderThanTheCutoffAreForgotten(@TempDir Path dir) throws Exception {
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            store.saveReplyKeys(SURB_ID, new byte[] {42});
            assertEquals(0, store.forgetReplyKeysBefore(System.currentTimeMillis() - 60_000));
            assertEquals(1, store.forgetReplyKeysBefore(System.currentTimeMillis() + 60_000));
            assertTrue(store.replyKeys(SURB_ID).isEmpty());
        }
    }

    @Test
    void aStoreMadeBeforeSurbsOpensWithItsMessages(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("received.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement create = old.createStatement()) {
            create.executeUpdate("CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT, body BLOB NOT NULL,"
                    + " received_at INTEGER NOT NULL)");
            try (PreparedStatement insert = old.prepareStatement("INSERT INTO messages(body, received_at) VALUES (?, 0)")) {
                insert.setBytes(1, "from before".getBytes());
                insert.executeUpdate();
            }
        }
        try (ClientMessageStore store = Inboxes.openClientStore(file)) {
            store.completeMessage("with a SURB".getBytes(), new byte[] {7}, List.of());
            List<ReceivedMessage> messages = store.peekMessages(10, Long.MAX_VALUE, Set.of());
            assertArrayEquals("from before".getBytes(), messages.get(0).body());
            assertNull(messages.get(0).replySurb());
            assertArrayEquals(new byte[] {7}, messages.get(1).replySurb());
        }
    }
}
