package nym.provider.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import nym.provider.client.AuthToken;
import nym.provider.internal.store.SqliteInboxStore;
import nym.sphinx.route.DestinationAddress;

/** The InboxStore contract, against both implementations. */
class InboxStoreContractTest {
    @TempDir
    static Path directory;

    interface Factory {
        InboxStore open() throws Exception;
    }

    static Stream<Factory> stores() {
        return Stream.of(InMemoryInboxStore::new,
                () -> SqliteInboxStore.open(directory.resolve("inbox-" + System.nanoTime() + ".db")));
    }

    static DestinationAddress client(int n) throws Exception {
        byte[] bytes = new byte[DestinationAddress.LENGTH];
        bytes[0] = (byte) n;
        return DestinationAddress.fromBytes(bytes);
    }

    static AuthToken token(int n) throws Exception {
        byte[] bytes = new byte[AuthToken.LENGTH];
        bytes[5] = (byte) n;
        return AuthToken.fromBytes(bytes);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void registrationKeepsTheFirstToken(Factory factory) throws Exception {
        try (InboxStore store = factory.open()) {
            assertTrue(store.tokenOf(client(1)).isEmpty());
            AuthToken first = store.register(client(1), token(1));
            AuthToken again = store.register(client(1), token(2));
            assertTrue(first.equalsSecret(token(1)));
            assertTrue(again.equalsSecret(token(1)), "the same client gets the same token");
            store.register(client(2), token(3));
            assertEquals(List.of(client(1), client(2)), store.registeredClients());
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void messagesStayUntilTheirOwnerAcknowledgesThem(Factory factory) throws Exception {
        try (InboxStore store = factory.open()) {
            store.store(client(1), new byte[] {1});
            store.store(client(1), new byte[] {2});
            store.store(client(2), new byte[] {3});

            List<StoredMessage> first = store.peek(client(1), 10);
            assertEquals(2, first.size());
            assertArrayEquals(new byte[] {1}, first.get(0).payload());
            assertArrayEquals(new byte[] {2}, first.get(1).payload());
            assertEquals(2, store.peek(client(1), 10).size(), "peeking removes nothing");
            assertEquals(1, store.peek(client(1), 1).size());

            long otherId = store.peek(client(2), 1).get(0).id();
            assertEquals(0, store.acknowledge(client(1), List.of(otherId)), "ids of other clients are ignored");
            assertEquals(1, store.count(client(2)));

            assertEquals(1, store.acknowledge(client(1), List.of(first.get(0).id())));
            assertEquals(0, store.acknowledge(client(1), List.of(first.get(0).id())), "already deleted");
            assertEquals(1, store.count(client(1)));
            assertArrayEquals(new byte[] {2}, store.peek(client(1), 10).get(0).payload());
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void idsIncreaseInArrivalOrder(Factory factory) throws Exception {
        try (InboxStore store = factory.open()) {
            for (int i = 0; i < 20; i++) {
                store.store(client(1), new byte[] {(byte) i});
            }
            List<StoredMessage> all = store.peek(client(1), 100);
            for (int i = 1; i < all.size(); i++) {
                assertTrue(all.get(i).id() > all.get(i - 1).id());
                assertEquals(i, all.get(i).payload()[0]);
            }
        }
    }
}
