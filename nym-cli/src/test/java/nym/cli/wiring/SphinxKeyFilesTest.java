package nym.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.crypto.keys.KeyPem;
import nym.cli.config.ConfigException;
import nym.crypto.keys.X25519KeyPair;
import nym.crypto.keys.X25519PrivateKey;
import nym.sphinx.PacketBuilder;
import nym.sphinx.PacketProcessor;
import nym.sphinx.ReplayTag;
import nym.sphinx.SphinxException;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.NodeAddress;
import nym.sphinx.route.SurbId;
import nym.traffic.mixnode.KeyRing;
import nym.traffic.mixnode.PersistentReplayFilter;
import nym.traffic.mixnode.SphinxKey;

/** A rotating node's key files: a rotation, a restart in its grace and after, and what a stop halfway leaves. */
class SphinxKeyFilesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration GRACE = Duration.ofHours(1);

    @TempDir
    Path data;

    private final SplittableRandom random = new SplittableRandom(41);
    private final X25519KeyPair first = X25519KeyPair.generate(random);

    private Path privateFile() {
        return data.resolve("private_sphinx.pem");
    }

    private Path publicFile() {
        return data.resolve("public_sphinx.pem");
    }

    private SphinxKeyFiles files(Instant now) throws IOException {
        if (!Files.exists(privateFile())) {
            KeyPem.writeX25519(first, privateFile(), publicFile());
        }
        return new SphinxKeyFiles(data, privateFile(), publicFile(), 4, InstantSource.fixed(now));
    }

    @Test
    void aNewNodeHasOneKeyWithItsOwnTags() throws Exception {
        try (SphinxKeyFiles files = files(NOW)) {
            KeyRing ring = files.open();
            assertEquals(first.publicKey(), ring.current().key().publicKey());
            assertNull(ring.previous());
            assertTrue(Files.isDirectory(data.resolve("replay-tags").resolve(first.publicKey().toBase58())));
            assertEquals(8, ring.current().tags().capacity());
        }
    }

    @Test
    void aRotationKeepsThePreviousKeyAndItsTagsUntilItRetires() throws Exception {
        ReplayTag oldTag = tagFor(first);
        X25519KeyPair second;
        Instant retiresAt = NOW.plus(GRACE);
        try (SphinxKeyFiles files = files(NOW)) {
            KeyRing ring = files.open();
            ring.current().tags().recordFirstUse(oldTag);
            SphinxKey next = files.rotate(ring.current(), retiresAt);
            second = X25519KeyPair.of(next.key());
            assertNotEquals(first.publicKey(), second.publicKey());
            assertEquals(0, next.tags().size());
        }
        assertEquals(second.publicKey(), KeyPem.readX25519Private(privateFile()).publicKey());
        assertEquals(second.publicKey(), KeyPem.readX25519Public(publicFile()));
        assertEquals(List.of("previous_sphinx_key." + retiresAt.toEpochMilli()), namesIn(data, "previous_"));
        assertEquals(List.of(), namesIn(data, "private_sphinx.pem.")); // nothing staged left

        try (SphinxKeyFiles files = files(NOW.plus(GRACE).minusSeconds(1))) { // a restart in the grace
            KeyRing ring = files.open();
            assertEquals(second.publicKey(), ring.current().key().publicKey());
            assertEquals(first.publicKey(), ring.previous().key().publicKey());
            assertEquals(retiresAt, ring.previousRetiresAt());
            SphinxException replay = assertThrows(SphinxException.class, () -> ring.previous().tags().recordFirstUse(oldTag));
            assertEquals(SphinxException.Reason.REPLAY, replay.reason());
        }
        try (SphinxKeyFiles files = files(NOW.plus(GRACE))) { // a restart after it
            KeyRing ring = files.open();
            assertEquals(second.publicKey(), ring.current().key().publicKey());
            assertNull(ring.previous());
        }
        assertEquals(List.of(), namesIn(data, "previous_"));
        assertEquals(List.of(second.publicKey().toBase58()), namesIn(data.resolve("replay-tags"), ""));
    }

    @Test
    void aRetiredKeyIsForgottenWithItsTags() throws Exception {
        try (SphinxKeyFiles files = files(NOW)) {
            KeyRing ring = files.open();
            SphinxKey next = files.rotate(ring.current(), NOW.plus(GRACE));
            files.retire(ring.current());
            assertEquals(List.of(), namesIn(data, "previous_"));
            assertEquals(List.of(next.key().publicKey().toBase58()), namesIn(data.resolve("replay-tags"), ""));
        }
    }

    @Test
    void aRotationStoppedBeforeTheKeyFileWasReplacedLeavesTheOldKey() throws Exception {
        ReplayTag tag = tagFor(first);
        try (SphinxKeyFiles files = files(NOW)) {
            files.open().current().tags().recordFirstUse(tag);
        }
        // What a kill between the previous key's folder and the new key file leaves.
        X25519KeyPair unused = X25519KeyPair.generate(random);
        KeyPem.writeX25519(unused, data.resolve("private_sphinx.pem.rotating"), data.resolve("public_sphinx.pem.rotating"));
        Path previous = data.resolve("previous_sphinx_key." + NOW.plus(GRACE).toEpochMilli());
        KeyPem.writeX25519(first, previous.resolve("private_sphinx.pem"), previous.resolve("public_sphinx.pem"));
        KeyPem.writeX25519(first, data.resolve("previous_sphinx_key.9.rotating").resolve("private_sphinx.pem"),
                data.resolve("previous_sphinx_key.9.rotating").resolve("public_sphinx.pem"));
        Files.createDirectories(data.resolve("replay-tags").resolve(unused.publicKey().toBase58()));

        try (SphinxKeyFiles files = files(NOW)) {
            KeyRing ring = files.open();
            assertEquals(first.publicKey(), ring.current().key().publicKey());
            assertNull(ring.previous());
            assertThrows(SphinxException.class, () -> ring.current().tags().recordFirstUse(tag));
        }
        assertEquals(List.of("private_sphinx.pem", "public_sphinx.pem", "replay-tags"), namesIn(data, ""));
        assertEquals(List.of(first.publicKey().toBase58()), namesIn(data.resolve("replay-tags"), ""));
    }

    @Test
    void aLowerRotateAfterPacketsForgetsNoTagOfAKeyInUse() throws Exception {
        List<ReplayTag> tags = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tags.add(tagFor(first));
        }
        try (SphinxKeyFiles files = files(NOW)) {
            KeyRing ring = files.open();
            for (ReplayTag tag : tags) {
                ring.current().tags().recordFirstUse(tag);
            }
        }
        // The same node with rotate_after_packets lowered from 4 to 1: a filter of 2 would forget 6.
        try (SphinxKeyFiles files = new SphinxKeyFiles(data, privateFile(), publicFile(), 1, InstantSource.fixed(NOW))) {
            KeyRing ring = files.open();
            for (ReplayTag tag : tags) {
                assertThrows(SphinxException.class, () -> ring.current().tags().recordFirstUse(tag));
            }
            assertTrue(ring.current().tags().size() >= ring.current().tags().capacity());
        }
    }

    @Test
    void aProvidersFirstSphinxKeyIsItsIdentityWithTheTagsOfAnEarlierBuild() throws Exception {
        ReplayTag tag = tagFor(first);
        try (PersistentReplayFilter legacy = PersistentReplayFilter.open(data.resolve("replay-tags"), 4)) {
            legacy.recordFirstUse(tag);
        }
        try (SphinxKeyFiles files = SphinxKeyFiles.forProvider(data, first.privateKey(), 4, InstantSource.fixed(NOW))) {
            KeyRing ring = files.open();
            assertEquals(first.publicKey(), ring.current().key().publicKey());
            assertThrows(SphinxException.class, () -> ring.current().tags().recordFirstUse(tag));
            assertEquals(Instant.EPOCH, ring.current().madeAt(), "replaced at once: it forgot its older tags");
            SphinxKey next = files.rotate(ring.current(), NOW.plus(GRACE));
            assertNotEquals(first.publicKey(), next.key().publicKey());
        }
        assertEquals(List.of("sphinx-keys"), namesIn(data, ""));
        Path keys = data.resolve("sphinx-keys");
        assertEquals(List.of("identity_public.pem", "previous_sphinx_key." + NOW.plus(GRACE).toEpochMilli(), "private_sphinx.pem",
                "public_sphinx.pem", "replay-tags"), namesIn(keys, ""));
        // A restart keeps the rotated key; the identity is untouched (it is the caller's file).
        try (SphinxKeyFiles files = SphinxKeyFiles.forProvider(data, first.privateKey(), 4, InstantSource.fixed(NOW))) {
            KeyRing ring = files.open();
            assertNotEquals(first.publicKey(), ring.current().key().publicKey());
            assertEquals(first.publicKey(), ring.previous().key().publicKey());
        }
    }

    @Test
    void aKeyWithTagsOfAnEarlierBuildIsStillReplacedAtOnceAfterAStartThatStoppedEarly() throws Exception {
        try (PersistentReplayFilter legacy = PersistentReplayFilter.open(data.resolve("replay-tags"), 4)) {
            legacy.recordFirstUse(tagFor(first));
        }
        try (SphinxKeyFiles files = files(NOW)) {
            files.open(); // and the node could not listen
        }
        try (SphinxKeyFiles files = files(NOW)) {
            assertEquals(Instant.EPOCH, files.open().current().madeAt());
        }
    }

    @Test
    void aKeyOfANodeKilledOnAMachineStillUpIsKept() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/sys/kernel/random/boot_id")), "a machine that tells its boot");
        SphinxKeyFiles killed = files(NOW);
        killed.open(); // and never closed: a kill, its tags written before their packets went on
        try (SphinxKeyFiles files = files(NOW)) {
            assertNotEquals(Instant.EPOCH, files.open().current().madeAt());
        }
        killed.close();
    }

    @Test
    void aKeyWhoseTagsMayHaveBeenLostInACrashIsReplacedAtOnceAlsoAfterALaterCleanStart() throws Exception {
        SphinxKeyFiles crashed = files(NOW);
        crashed.open(); // and never closed
        pretendTheMachineRestarted(first);
        try (SphinxKeyFiles files = files(NOW)) {
            KeyRing ring = files.open();
            assertEquals(first.publicKey(), ring.current().key().publicKey());
            assertEquals(Instant.EPOCH, ring.current().madeAt(), "replaced at once: it may have lost tags");
        } // and the node could not listen, or stopped before its first check
        try (SphinxKeyFiles files = files(NOW)) {
            assertEquals(Instant.EPOCH, files.open().current().madeAt());
        }
        crashed.close();
    }

    /** The key's filter was opened in another boot of the machine: the OS may have lost what it had not stored. */
    private void pretendTheMachineRestarted(X25519KeyPair key) throws IOException {
        Files.writeString(data.resolve("replay-tags").resolve(key.publicKey().toBase58()).resolve("not-closed"),
                "an-earlier-boot");
    }

    @Test
    void anOpenThatFailsHalfwayLeavesNoFilterOpen() throws Exception {
        X25519PrivateKey previous;
        try (SphinxKeyFiles files = files(NOW)) {
            KeyRing ring = files.open();
            previous = ring.current().key();
            files.rotate(ring.current(), NOW.plus(GRACE));
        }
        // The previous key's tags cannot be read: the current key's filter is open by then.
        Path unreadable = Files.createDirectory(data.resolve("replay-tags").resolve(previous.publicKey().toBase58())
                .resolve("replay-99.tags"));
        SphinxKeyFiles failed = files(NOW);
        assertThrows(ConfigException.class, failed::open); // and the node exits: nothing else closes it
        Files.delete(unreadable);
        try (SphinxKeyFiles files = files(NOW)) {
            assertNotEquals(Instant.EPOCH, files.open().current().madeAt(), "no tag was lost: the key stays");
        }
    }

    @Test
    void anOpenThatFailsBeforeItMarkedAKeyWithTagsLostKeepsTheEvidence() throws Exception {
        SphinxKeyFiles crashed = files(NOW);
        crashed.open(); // and never closed
        pretendTheMachineRestarted(first);
        // The lasting mark cannot be made (a dangling link has its name): the open fails after the filter's.
        Path link = Files.createSymbolicLink(data.resolve("replay-tags").resolve(first.publicKey().toBase58())
                .resolve("tags-may-be-incomplete"), data.resolve("nowhere"));
        SphinxKeyFiles failed = files(NOW);
        assertThrows(ConfigException.class, failed::open);
        Files.delete(link);
        try (SphinxKeyFiles files = files(NOW)) {
            assertEquals(Instant.EPOCH, files.open().current().madeAt(), "still replaced at once");
        }
    }

    @Test
    void aKeyClosedCleanlyIsNotReplacedAtOnce() throws Exception {
        try (SphinxKeyFiles files = files(NOW)) {
            files.open();
        }
        try (SphinxKeyFiles files = files(NOW)) {
            assertNotEquals(Instant.EPOCH, files.open().current().madeAt());
        }
    }

    @Test
    void aProviderInitialisedAgainStartsFromItsNewIdentity() throws Exception {
        try (SphinxKeyFiles files = SphinxKeyFiles.forProvider(data, first.privateKey(), 4, InstantSource.fixed(NOW))) {
            KeyRing ring = files.open();
            files.rotate(ring.current(), NOW.plus(GRACE));
        }
        X25519KeyPair second = X25519KeyPair.generate(random); // init --force
        try (SphinxKeyFiles files = SphinxKeyFiles.forProvider(data, second.privateKey(), 4, InstantSource.fixed(NOW))) {
            KeyRing ring = files.open();
            assertEquals(second.publicKey(), ring.current().key().publicKey());
            assertNull(ring.previous(), "no key of the old identity");
        }
        assertEquals(List.of(second.publicKey().toBase58()),
                namesIn(data.resolve("sphinx-keys").resolve("replay-tags"), ""));
    }

    @Test
    void aMixNodeInitialisedAgainForgetsItsPreviousKey() throws Exception {
        try (SphinxKeyFiles files = files(NOW)) {
            files.rotate(files.open().current(), NOW.plus(GRACE));
        }
        SphinxKeyFiles.forgetPreviousKeys(data);
        KeyPem.writeX25519(X25519KeyPair.generate(random), privateFile(), publicFile()); // init --force's new key
        try (SphinxKeyFiles files = files(NOW)) {
            KeyRing ring = files.open();
            assertNull(ring.previous());
            assertEquals(List.of(ring.current().key().publicKey().toBase58()), namesIn(data.resolve("replay-tags"), ""));
        }
    }

    @Test
    void aStalePublicKeyFileIsWrittenAgain() throws Exception {
        try (SphinxKeyFiles files = files(NOW)) {
            KeyPem.writeX25519(X25519KeyPair.generate(random), data.resolve("other.pem"), publicFile());
            files.open();
        }
        assertEquals(first.publicKey(), KeyPem.readX25519Public(publicFile()));
    }

    @Test
    void theTagsOfAnEarlierBuildMoveIntoTheirKeysFolder() throws Exception {
        ReplayTag tag = tagFor(first);
        try (PersistentReplayFilter legacy = PersistentReplayFilter.open(data.resolve("replay-tags"), 4)) {
            legacy.recordFirstUse(tag);
        }
        try (SphinxKeyFiles files = files(NOW)) {
            KeyRing ring = files.open();
            assertThrows(SphinxException.class, () -> ring.current().tags().recordFirstUse(tag));
            assertEquals(Instant.EPOCH, ring.current().madeAt(), "replaced at once: it forgot its older tags");
        }
        assertEquals(List.of(first.publicKey().toBase58()), namesIn(data.resolve("replay-tags"), ""));
    }

    @Test
    void aRotationThatFailsLeavesTheCurrentKeyAndNothingElse() throws Exception {
        Instant retiresAt = NOW.plus(GRACE);
        try (SphinxKeyFiles files = files(NOW)) {
            KeyRing ring = files.open();
            // A non-empty folder where the previous key's folder goes: the rename onto it fails.
            Files.createDirectories(data.resolve("previous_sphinx_key." + retiresAt.toEpochMilli()).resolve("x"));
            assertThrows(IOException.class, () -> files.rotate(ring.current(), retiresAt));
        }
        assertEquals(first.publicKey(), KeyPem.readX25519Private(privateFile()).publicKey());
        assertEquals(List.of("private_sphinx.pem", "public_sphinx.pem", "replay-tags"), namesIn(data, ""));
        assertEquals(List.of(first.publicKey().toBase58()), namesIn(data.resolve("replay-tags"), ""));
    }

    private static List<String> namesIn(Path folder, String prefix) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> name.startsWith(prefix)).sorted()
                    .toList();
        }
    }

    private ReplayTag tagFor(X25519KeyPair node) throws Exception {
        Hop hop = new Hop(NodeAddress.fromBytes(new byte[32]), node.publicKey());
        Destination destination = new Destination(DestinationAddress.fromBytes(new byte[32]), SurbId.fromBytes(new byte[16]));
        return PacketProcessor.forKey(node.privateKey()).process(PacketBuilder.create().route(List.of(hop))
                .delays(List.of(Delay.ZERO)).destination(destination).random(random).build()).replayTag();
    }
}
