package nym.provider.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.provider.internal.store.SqliteInboxStore;

/** What one SQLite store committed, a second one opened on the same file sees, without a close. */
class SqliteDurabilityTest {
    @Test
    void committedStateIsVisibleToAStoreOpenedAfterACrash(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("inbox.db");
        SqliteInboxStore crashed = SqliteInboxStore.open(file);
        crashed.register(InboxStoreContractTest.client(7), InboxStoreContractTest.token(7));
        crashed.store(InboxStoreContractTest.client(7), new byte[] {42, 43});
        // No close(): the process "dies" here.

        try (SqliteInboxStore restarted = SqliteInboxStore.open(file)) {
            assertTrue(restarted.tokenOf(InboxStoreContractTest.client(7)).orElseThrow()
                    .equalsSecret(InboxStoreContractTest.token(7)));
            assertEquals(1, restarted.count(InboxStoreContractTest.client(7)));
            assertArrayEquals(new byte[] {42, 43},
                    restarted.peek(InboxStoreContractTest.client(7), 1).get(0).payload());
        }
        crashed.close();
    }
}
