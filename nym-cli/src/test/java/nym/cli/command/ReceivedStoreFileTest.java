package nym.cli.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.cli.config.ConfigException;
import nym.crypto.keys.KeyPem;
import nym.crypto.keys.X25519KeyPair;
import nym.provider.client.ClientMessageStore;
import nym.provider.client.ReceivedMessage;
import nym.provider.store.Inboxes;

/**
 * What {@code nym-client init} does with the received-message store an earlier identity left,
 * around the new identity's registration: the messages go aside under the earlier address and the
 * time, never overwriting anything; the earlier identity's SURB keys end up in no file; the store
 * is prepared before the registration and changed only after it succeeded.
 */
class ReceivedStoreFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T15:30:12Z"), ZoneOffset.UTC);
    private static final byte[] MESSAGE = "for the old identity".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SENDERS_SURB = {5, 7, 11};
    private static final byte[] SURB_ID = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    private static final byte[] USED_SURB = {42, 42};

    private final List<String> lines = new ArrayList<>();

    /** Writes an identity's key files into {@code data} as init does. @return its address */
    private static String identity(Path data) throws Exception {
        X25519KeyPair keys = X25519KeyPair.generate(new SecureRandom());
        KeyPem.writeX25519(keys, data.resolve("private_identity.pem"), data.resolve("public_identity.pem"));
        return keys.publicKey().toBase58();
    }

    /** @return SURB keys whose bytes occur nowhere else: 600 bytes of a counting pattern */
    private static byte[] replyKeys() {
        byte[] keys = new byte[600];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (byte) (i * 37 + 11);
        }
        return keys;
    }

    /** A store as an identity that received, sent with SURBs and replied leaves it. */
    private static void fill(Path store) throws Exception {
        try (ClientMessageStore old = Inboxes.openClientStore(store)) {
            old.completeMessage(MESSAGE, SENDERS_SURB, List.of());
            old.storePayload("provider", 7, new byte[] {1, 2, 3});
            old.saveReplyKeys(SURB_ID, replyKeys());
            old.markSurbUsed(USED_SURB);
        }
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

    /** @return the files in {@code data} that hold a 64-byte run of {@code secret} */
    private static List<String> holding(Path data, byte[] secret) throws Exception {
        String needle = new String(secret, 200, 64, StandardCharsets.ISO_8859_1);
        List<String> found = new ArrayList<>();
        for (String name : names(data)) {
            if (new String(Files.readAllBytes(data.resolve(name)), StandardCharsets.ISO_8859_1).contains(needle)) {
                found.add(name);
            }
        }
        return found;
    }

    private String handOver(Path data, ReceivedStoreFile.Registration<String> registration) throws ConfigException {
        return ReceivedStoreFile.handOver(data.resolve("received.db"), data.resolve("public_identity.pem"), CLOCK,
                registration, lines::add);
    }

    @Test
    void theOldMessagesGoAsideAndTheOldSurbKeysAreInNoFile(@TempDir Path data) throws Exception {
        String address = identity(data);
        Path store = data.resolve("received.db");
        fill(store);

        assertEquals("registered", handOver(data, () -> "registered"));

        Path aside = data.resolve("received-" + address + "-20261126T153012Z.db");
        assertEquals(List.of("Moved the previous identity's received messages to \"" + aside
                + "\": 1 message(s) not yet fetched, 1 fragment(s) of unfinished messages"), lines);
        try (ClientMessageStore kept = Inboxes.openClientStore(aside)) {
            ReceivedMessage message = kept.peekMessages(10, Long.MAX_VALUE, Set.of()).get(0);
            assertArrayEquals(MESSAGE, message.body(), "nothing is lost: the message is aside");
            assertArrayEquals(SENDERS_SURB, message.replySurb(), "with the SURB its sender attached for a reply");
            assertEquals(1, kept.payloads().size(), "and the fragment of an unfinished message");
            assertTrue(kept.replyKeys(SURB_ID).isEmpty(), "the old identity's SURB keys are not aside");
            assertTrue(kept.markSurbUsed(USED_SURB), "nor which SURBs it replied through");
        }
        try (ClientMessageStore fresh = Inboxes.openClientStore(store)) {
            assertEquals(0, fresh.messageCount(), "the new identity is handed nothing of the old one's");
            assertEquals(List.of(), fresh.payloads());
            assertTrue(fresh.replyKeys(SURB_ID).isEmpty());
            assertFalse(fresh.markSurbUsed(USED_SURB), "a SURB the applications may still hold carries one reply");
        }
        assertEquals(List.of(), holding(data, replyKeys()), "the old identity's SURB keys are readable in no file");
        assertEquals(List.of("private_identity.pem", "public_identity.pem", aside.getFileName().toString(),
                "received.db"), names(data));
    }

    @Test
    void theStoreIsPreparedBeforeTheRegistrationAndAFailedOneLeavesItAsItWas(@TempDir Path data) throws Exception {
        String address = identity(data);
        Path store = data.resolve("received.db");
        fill(store);
        List<String> before = names(data);
        Path aside = data.resolve("received-" + address + "-20261126T153012Z.db");

        ConfigException failed = assertThrows(ConfigException.class, () -> handOver(data, () -> {
            assertTrue(Files.exists(data.resolve(aside.getFileName() + ".partial")),
                    "the messages are copied aside before anything is registered, under a name not yet theirs");
            assertFalse(Files.exists(aside));
            throw new ConfigException("cannot register at provider P: unreachable");
        }));

        assertEquals("cannot register at provider P: unreachable", failed.getMessage());
        assertEquals(List.of(), lines);
        assertEquals(before, names(data), "no copy left, nothing moved");
        assertEquals(List.of("received.db"), holding(data, replyKeys()), "the old identity keeps its SURB keys");
        try (ClientMessageStore unchanged = Inboxes.openClientStore(store)) {
            assertArrayEquals(MESSAGE, unchanged.peekMessages(10, Long.MAX_VALUE, Set.of()).get(0).body());
            assertEquals(1, unchanged.payloads().size());
            assertTrue(unchanged.replyKeys(SURB_ID).isPresent());
        }
    }

    /**
     * An init killed after copying the messages aside but before emptying the store left the copy
     * under its partial name: the next init removes it (the store still holds all of it) and makes
     * its own, so the messages are aside once, not twice.
     */
    @Test
    void aCopyAKilledInitLeftIsReplacedNotKeptBesideTheNewOne(@TempDir Path data) throws Exception {
        String address = identity(data);
        Path store = data.resolve("received.db");
        fill(store);
        Path stale = data.resolve("received-" + address + "-20261126T120000Z.db.partial");
        try (ClientMessageStore killed = Inboxes.openClientStore(store)) {
            killed.copyReceivedTo(stale); // what the killed init had done, and no more
        }

        handOver(data, () -> "registered");

        Path aside = data.resolve("received-" + address + "-20261126T153012Z.db");
        assertEquals(List.of("private_identity.pem", "public_identity.pem", aside.getFileName().toString(),
                "received.db"), names(data));
        assertEquals(1, messages(aside).size());
    }

    @Test
    void aStoreThatCannotBeSetAsideStopsInitBeforeAnyRegistration(@TempDir Path data) throws Exception {
        String address = identity(data);
        Path store = data.resolve("received.db");
        fill(store);
        Path aside = data.resolve("received-" + address + "-20261126T153012Z.db");
        Files.writeString(aside, "moved here earlier");

        ConfigException refused = assertThrows(ConfigException.class,
                () -> handOver(data, () -> {
                    throw new AssertionError("registered although the store could not be set aside");
                }));

        assertTrue(refused.getMessage().contains(aside + " already exists"), refused.getMessage());
        assertEquals("moved here earlier", Files.readString(aside), "nothing is ever overwritten");
        assertArrayEquals(MESSAGE, messages(store).get(0), "the store stays as it was");
    }

    @Test
    void messagesStillInTheWriteAheadLogOfACrashedRunGoAside(@TempDir Path data, @TempDir Path crashed)
            throws Exception {
        identity(data);
        try (ClientMessageStore running = Inboxes.openClientStore(crashed.resolve("received.db"))) {
            running.completeMessage(MESSAGE, List.of());
            // A copy while the store is open is what a SIGKILL leaves: the message only in the log.
            for (String name : List.of("received.db", "received.db-wal", "received.db-shm")) {
                Files.copy(crashed.resolve(name), data.resolve(name));
            }
        }
        assertTrue(Files.size(data.resolve("received.db-wal")) > 0, "the copy has the message in its log");

        handOver(data, () -> "registered");

        assertTrue(lines.get(0).contains("1 message(s) not yet fetched"), lines.get(0));
        Path aside = Path.of(lines.get(0).replaceAll("^[^\"]*\"|\".*$", ""));
        assertArrayEquals(MESSAGE, messages(aside).get(0));
        assertEquals(List.of(), messages(data.resolve("received.db")));
    }

    @Test
    void aStoreHoldingNoMessageIsEmptiedWithoutALine(@TempDir Path data) throws Exception {
        identity(data);
        Path store = data.resolve("received.db");
        try (ClientMessageStore old = Inboxes.openClientStore(store)) {
            old.saveReplyKeys(SURB_ID, replyKeys());
        }

        handOver(data, () -> "registered");

        assertEquals(List.of(), lines);
        assertEquals(List.of("private_identity.pem", "public_identity.pem", "received.db"), names(data));
        assertEquals(List.of(), holding(data, replyKeys()));
    }

    @Test
    void withoutAStoreNothingHappens(@TempDir Path data) throws Exception {
        identity(data);
        assertEquals("registered", handOver(data, () -> "registered"));
        assertEquals(List.of(), lines);
        assertEquals(List.of("private_identity.pem", "public_identity.pem"), names(data));
    }

    @Test
    void aStoreThatCannotBeReadIsMovedUnchangedOnlyOnceRegisteredAndAMissingKeyIsNamedUnknown(@TempDir Path data)
            throws Exception {
        Path store = data.resolve("received.db");
        byte[] garbage = "not a database, but maybe someone's messages".repeat(100).getBytes(StandardCharsets.UTF_8);
        Files.write(store, garbage);

        handOver(data, () -> {
            assertArrayEquals(garbage, assertDoesNotThrow(() -> Files.readAllBytes(store)), "in place while registering");
            return "registered";
        });

        Path aside = data.resolve("received-unknown-identity-20261126T153012Z.db");
        assertTrue(lines.get(0).startsWith("Moved the previous identity's received messages to \"" + aside
                + "\" (could not read it: "), lines.get(0));
        assertEquals(List.of(aside.getFileName().toString()), names(data));
        assertArrayEquals(garbage, Files.readAllBytes(aside));
    }
}
