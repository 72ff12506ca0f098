package nym.cli.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.cli.config.ConfigException;
import nym.crypto.keys.KeyPem;
import nym.crypto.keys.X25519KeyPair;
import nym.provider.client.ClientMessageStore;
import nym.provider.store.Inboxes;
import nym.provider.client.ReceivedMessage;

/**
 * What {@code nym-client init} does with the received-message store an earlier identity left: a
 * store holding something is moved aside under the earlier address and the time, whole (with a
 * write-ahead log a crash left), never overwriting anything; a store holding nothing is removed.
 */
class ReceivedStoreFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T15:30:12Z"), ZoneOffset.UTC);
    private static final byte[] MESSAGE = "for the old identity".getBytes(StandardCharsets.UTF_8);

    /** Writes an identity's key files into {@code data} as init does. @return its address */
    private static String identity(Path data) throws Exception {
        X25519KeyPair keys = X25519KeyPair.generate(new SecureRandom());
        KeyPem.writeX25519(keys, data.resolve("private_identity.pem"), data.resolve("public_identity.pem"));
        return keys.publicKey().toBase58();
    }

    private static List<byte[]> messages(Path store) throws Exception {
        try (ClientMessageStore opened = Inboxes.openClientStore(store)) {
            return opened.peekMessages(100, Long.MAX_VALUE, Set.of()).stream().map(ReceivedMessage::body).toList();
        }
    }

    private static List<String> names(Path data) throws Exception {
        try (Stream<Path> files = Files.list(data)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aStoreWithAnUnfetchedMessageIsMovedAsideUnderTheOldAddressAndTheNewStoreIsEmpty(@TempDir Path data)
            throws Exception {
        String address = identity(data);
        Path store = data.resolve("received.db");
        try (ClientMessageStore old = Inboxes.openClientStore(store)) {
            old.completeMessage(MESSAGE, List.of());
            old.storePayload("provider", 7, new byte[] {1, 2, 3});
        }

        Optional<String> line = ReceivedStoreFile.setAside(store, data.resolve("public_identity.pem"), CLOCK);

        Path aside = data.resolve("received-" + address + "-20261126T153012Z.db");
        assertEquals(Optional.of("Moved the previous identity's received messages to \"" + aside
                + "\": 1 message(s) not yet fetched, 1 fragment(s) of unfinished messages"), line);
        assertFalse(Files.exists(store), "the new identity starts without the old store");
        assertEquals(List.of(), messages(store), "a new store hands out nothing of the old identity's");
        List<byte[]> kept = messages(aside);
        assertEquals(1, kept.size());
        assertArrayEquals(MESSAGE, kept.get(0), "nothing is lost: the message is in the moved store");
    }

    @Test
    void messagesStillInTheWriteAheadLogOfACrashedRunMoveWithTheStore(@TempDir Path data, @TempDir Path crashed)
            throws Exception {
        identity(data);
        Path store = data.resolve("received.db");
        try (ClientMessageStore running = Inboxes.openClientStore(crashed.resolve("received.db"))) {
            running.completeMessage(MESSAGE, List.of());
            // A copy while the store is open is what a SIGKILL leaves: the message only in the log.
            for (String name : List.of("received.db", "received.db-wal", "received.db-shm")) {
                Files.copy(crashed.resolve(name), data.resolve(name));
            }
        }
        assertTrue(Files.size(data.resolve("received.db-wal")) > 0, "the copy has the message in its log");

        Optional<String> line = ReceivedStoreFile.setAside(store, data.resolve("public_identity.pem"), CLOCK);

        assertTrue(line.orElseThrow().contains("1 message(s) not yet fetched"), line.orElseThrow());
        Path aside = Path.of(line.orElseThrow().replaceAll("^[^\"]*\"|\".*$", ""));
        for (String side : List.of("-wal", "-shm", "-journal")) {
            assertFalse(Files.exists(data.resolve("received.db" + side)), side + " gone with the store");
        }
        assertEquals(1, messages(aside).size());
        assertArrayEquals(MESSAGE, messages(aside).get(0));
    }

    @Test
    void aStoreHoldingNothingIsRemovedWithoutALine(@TempDir Path data) throws Exception {
        identity(data);
        Path store = data.resolve("received.db");
        try (ClientMessageStore old = Inboxes.openClientStore(store)) {
            old.completeMessage(MESSAGE, List.of());
            old.deleteMessages(old.peekMessages(10, Long.MAX_VALUE, Set.of()).stream().map(ReceivedMessage::id).toList());
        }

        assertEquals(Optional.empty(), ReceivedStoreFile.setAside(store, data.resolve("public_identity.pem"), CLOCK));
        assertEquals(List.of("private_identity.pem", "public_identity.pem"), names(data));
    }

    @Test
    void withoutAStoreNothingHappens(@TempDir Path data) throws Exception {
        identity(data);
        assertEquals(Optional.empty(),
                ReceivedStoreFile.setAside(data.resolve("received.db"), data.resolve("public_identity.pem"), CLOCK));
        assertEquals(List.of("private_identity.pem", "public_identity.pem"), names(data));
    }

    @Test
    void aStoreThatCannotBeReadIsMovedUnchangedAndAMissingKeyIsNamedUnknown(@TempDir Path data) throws Exception {
        Path store = data.resolve("received.db");
        byte[] garbage = "not a database, but maybe someone's messages".repeat(100).getBytes(StandardCharsets.UTF_8);
        Files.write(store, garbage);

        Optional<String> line = ReceivedStoreFile.setAside(store, data.resolve("public_identity.pem"), CLOCK);

        Path aside = data.resolve("received-unknown-identity-20261126T153012Z.db");
        assertTrue(line.orElseThrow().startsWith("Moved the previous identity's received messages to \"" + aside
                + "\" (could not read it: "), line.orElseThrow());
        assertEquals(List.of(aside.getFileName().toString()), names(data));
        assertArrayEquals(garbage, Files.readAllBytes(aside));
    }

    @Test
    void anExistingFileOfTheSameNameIsNeverOverwritten(@TempDir Path data) throws Exception {
        String address = identity(data);
        Path store = data.resolve("received.db");
        try (ClientMessageStore old = Inboxes.openClientStore(store)) {
            old.completeMessage(MESSAGE, List.of());
        }
        Path aside = data.resolve("received-" + address + "-20261126T153012Z.db");
        Files.writeString(aside, "moved here earlier");

        ConfigException refused = assertThrows(ConfigException.class,
                () -> ReceivedStoreFile.setAside(store, data.resolve("public_identity.pem"), CLOCK));
        assertTrue(refused.getMessage().contains(aside.toString()), refused.getMessage());
        assertEquals("moved here earlier", Files.readString(aside));
        assertArrayEquals(MESSAGE, messages(store).get(0), "the store stays where it was");
    }
}
