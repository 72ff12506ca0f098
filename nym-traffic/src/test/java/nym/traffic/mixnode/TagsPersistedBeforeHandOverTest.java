package nym.traffic.mixnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.crypto.keys.X25519KeyPair;
import nym.crypto.keys.X25519PublicKey;
import nym.sphinx.PacketBuilder;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.SurbId;
import nym.traffic.transport.NodeAddresses;

/**
 * A node killed right after it passed a packet on (SIGKILL: no close, nothing more written) must
 * still drop that packet's replay when it starts again: each tag is on disk before its packet is
 * handed on, with the current key and with the previous one in its grace.
 */
class TagsPersistedBeforeHandOverTest {
    private static final Duration LONG = Duration.ofHours(1);
    private static final int TAG_BYTES = 16;

    @TempDir
    Path directory;

    private final SplittableRandom random = new SplittableRandom(43);
    private final X25519KeyPair currentKey = X25519KeyPair.generate(random);
    private final X25519KeyPair previousKey = X25519KeyPair.generate(random);
    private final X25519KeyPair nextHopKey = X25519KeyPair.generate(random);

    @Test
    void everyPacketHandedOnHasItsTagOnDiskAlready() throws Exception {
        Path currentTags = directory.resolve("current");
        Path previousTags = directory.resolve("previous");
        try (PersistentReplayFilter current = PersistentReplayFilter.open(currentTags, 16);
                PersistentReplayFilter previous = PersistentReplayFilter.open(previousTags, 16);
                SphinxKeys keys = SphinxKeys.rotating(
                        new KeyRing(new SphinxKey(currentKey.privateKey(), current, Instant.now()),
                                new SphinxKey(previousKey.privateKey(), previous, Instant.now()),
                                Instant.now().plus(LONG)),
                        new KeyRotation(1 << 10, LONG, LONG), SphinxKeyStore.NONE, SphinxGeometry.DEFAULT)) {
            List<SphinxPacket> batch = List.of(packetFor(currentKey.publicKey()), packetFor(previousKey.publicKey()),
                    packetFor(currentKey.publicKey()));
            List<Long> onDiskAtHandOver = new ArrayList<>();
            List<DropReason> dropped = new ArrayList<>();
            keys.unwrapAll(batch, packet -> onDiskAtHandOver.add(tagsOnDisk(currentTags) + tagsOnDisk(previousTags)),
                    dropped::add);

            assertEquals(List.of(), dropped);
            assertEquals(List.of(3L, 3L, 3L), onDiskAtHandOver);
            // What a restart would read: the files as they are now, without a close.
            try (PersistentReplayFilter restarted = PersistentReplayFilter.open(copyOf(currentTags), 16)) {
                assertEquals(2, restarted.size());
            }
            try (PersistentReplayFilter restarted = PersistentReplayFilter.open(copyOf(previousTags), 16)) {
                assertEquals(1, restarted.size());
            }
        }
    }

    private SphinxPacket packetFor(X25519PublicKey key) throws Exception {
        InetSocketAddress somewhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), 1);
        return PacketBuilder.create()
                .route(List.of(new Hop(NodeAddresses.encode(somewhere), key),
                        new Hop(NodeAddresses.encode(somewhere), nextHopKey.publicKey())))
                .delays(List.of(Delay.ZERO, Delay.ZERO))
                .destination(new Destination(DestinationAddress.fromBytes(new byte[32]), SurbId.fromBytes(new byte[16])))
                .random(random).build();
    }

    private static long tagsOnDisk(Path folder) {
        try {
            return PersistentReplayFilter.tagsOnDisk(folder);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path copyOf(Path folder) throws IOException {
        Path copy = Files.createDirectory(directory.resolve(folder.getFileName() + "-copy"));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }
}
