package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nym.crypto.keys.X25519KeyPair;
import nym.sphinx.PacketProcessor;
import nym.sphinx.ProcessedPacket;
import nym.topology.MixNodeInfo;
import nym.topology.directory.DirectoryClient;
import nym.traffic.transport.NodeAddresses;

/**
 * The seed's "bodies are padded so that they're all the same size": every packet a client emits is
 * one fixed-size frame, whether it carries a message, a fragment of one, or cover. A real directory
 * and provider from the image, but the three mix layers are fake nodes registered by this test:
 * plain sockets recording the raw bytes the client writes to layer 1.
 */
class FixedSizeOnWireSpecTest {
    /** The frame of docs/transport.md: version 1, length 0x055c, then the 1372-byte Sphinx packet. */
    private static final byte[] HEADER = {0x01, 0x05, 0x5c};
    private static final int FRAME = 3 + 1372;
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static Path root;
    private static Image.Run directoryProcess;
    private static Image.Run provider;
    private static final List<FakeMix> MIXES = new ArrayList<>();
    private static ScheduledExecutorService presence;
    private static DirectoryClient directory;
    private static String directoryUrl;

    @BeforeAll
    static void startDirectoryProviderAndFakeMixes() throws Exception {
        SeedScript.install();
        root = Files.createTempDirectory("nym-fixed-size-spec");
        directoryProcess = Image.start(root, root.resolve("directory.out"), "nym-directory", "run", "--port", "0");
        String listening = directoryProcess.awaitLine("Directory server listening on ", DEADLINE);
        directoryUrl = listening.substring(listening.indexOf("http://")).strip();
        directory = DirectoryClient.create(URI.create(directoryUrl));

        for (int layer = 1; layer <= 3; layer++) {
            MIXES.add(new FakeMix(layer));
        }
        presence = Executors.newSingleThreadScheduledExecutor();
        presence.scheduleAtFixedRate(() -> MIXES.forEach(mix -> {
            try {
                directory.registerMixNode(mix.info());
            } catch (Exception e) {
                // the next round tries again; the test fails on its deadline if it never works
            }
        }), 0, 2, TimeUnit.SECONDS);

        try (Image.Run init = Image.start(root, root.resolve("provider-init.out"), "nym-provider", "init", "--id",
                "provider", "--mix-port", "0", "--client-port", "0", "--directory", directoryUrl)) {
            assertEquals(0, init.awaitExit(DEADLINE), init.text());
        }
        provider = Image.start(root, root.resolve("provider.out"), "nym-provider", "run", "--id", "provider");
        provider.awaitLine("Listening for clients", DEADLINE);
        Image.await("a routable topology of the fake mixes and the provider", DEADLINE, () -> {
            try {
                return directory.fetchTopology().isRoutable();
            } catch (Exception e) {
                return false;
            }
        });
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (presence != null) {
            presence.shutdownNow();
            presence.awaitTermination(10, TimeUnit.SECONDS);
        }
        for (AutoCloseable closeable : List.of(MIXES.toArray(AutoCloseable[]::new))) {
            closeable.close();
        }
        if (provider != null) {
            provider.close();
        }
        if (directoryProcess != null) {
            directoryProcess.close();
        }
        if (directory != null) {
            directory.close();
        }
    }

    @Test
    void everyPacketTheClientEmitsIsOneFrameOfTheSameSize() throws Exception {
        Path home = Files.createDirectories(root.resolve("client"));
        Clients.init(home, "alice", directoryUrl);
        Clients.setDebug(home, "alice", Clients.FAST);
        FakeMix entry = MIXES.get(0);
        try (Clients.Running alice = Clients.run(home, "alice")) {
            String self = SeedScript.request(alice.url(), "ownDetails").path("address").asText();
            Image.await("cover traffic at layer 1", DEADLINE, () -> entry.frames() >= 5);
            Image.await("alice among the provider's clients", DEADLINE, () -> {
                try {
                    return directory.fetchTopology().providerOf(self).isPresent();
                } catch (Exception e) {
                    return false;
                }
            });

            long beforeMessages = entry.frames();
            assertEquals("{\"type\":\"send\"}", SeedScript.send(alice.url(), self, "hi").toString());
            assertEquals("{\"type\":\"send\"}", SeedScript.send(alice.url(), self, "x".repeat(30 * 1024)).toString());
            Image.await("the message's 31+ packets at layer 1", DEADLINE, () -> entry.frames() >= beforeMessages + 40);

            long quiet = entry.frames();
            Image.await("frames while no message is sent", DEADLINE, () -> entry.frames() >= quiet + 20);

            alice.run().process().destroy();
            assertEquals(0, alice.run().awaitExit(Duration.ofSeconds(30)), alice.run().text());
            Matcher stopped = Pattern.compile("Client stopped: (\\d+) real and (\\d+) cover packets sent\\.")
                    .matcher(alice.run().text());
            assertTrue(stopped.find(), alice.run().text());
            long real = Long.parseLong(stopped.group(1));
            long cover = Long.parseLong(stopped.group(2));
            assertTrue(real >= 1 + 30, "30 KiB need 30+ fragments and 'hi' one packet: " + real + " real packets");

            Image.await("the client's connections to layer 1 closed", DEADLINE, entry::allConnectionsEnded);
            List<byte[]> streams = entry.streams();
            long frames = 0;
            for (byte[] stream : streams) {
                assertEquals(0, stream.length % FRAME, "a connection carried " + stream.length + " bytes, not whole "
                        + FRAME + "-byte frames");
                for (int offset = 0; offset < stream.length; offset += FRAME) {
                    byte[] frame = Arrays.copyOfRange(stream, offset, offset + FRAME);
                    assertEquals(hex(HEADER), hex(Arrays.copyOf(frame, 3)), "header of frame " + frames);
                    ProcessedPacket peeled = PacketProcessor.forKey(entry.keys.privateKey())
                            .process(Arrays.copyOfRange(frame, 3, FRAME));
                    ProcessedPacket.ForwardHop hop = assertInstanceOf(ProcessedPacket.ForwardHop.class, peeled);
                    assertEquals(MIXES.get(1).port(), NodeAddresses.decode(hop.nextHop()).getPort(),
                            "frame " + frames + " is a Sphinx packet for the layer-2 node");
                    frames++;
                }
            }
            assertTrue(frames > real, frames + " frames for " + real + " real packets: the rest is cover");
            assertTrue(frames <= real + cover && frames >= real + cover - 20,
                    frames + " frames, the client counted " + real + " real and " + cover + " cover packets");
            assertEquals(0, MIXES.get(1).frames() + MIXES.get(2).frames(), "only layer 1 hears from the client");
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** A mix node in the directory that only records the raw bytes of each connection it accepts. */
    private static final class FakeMix implements AutoCloseable {
        final X25519KeyPair keys = X25519KeyPair.generate(new java.security.SecureRandom());
        private final int layer;
        private final ServerSocket server;
        private final List<Connection> connections = new CopyOnWriteArrayList<>();

        private record Connection(Socket socket, ByteArrayOutputStream bytes, Thread reader) {}

        FakeMix(int layer) throws IOException {
            this.layer = layer;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().name("fake-mix-" + layer).start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        MixNodeInfo info() {
            return new MixNodeInfo("127.0.0.1:" + port(), keys.publicKey(), layer, 0, "0.7.0");
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    connections.add(new Connection(socket, bytes, Thread.ofVirtual().start(() -> read(socket, bytes))));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void read(Socket socket, ByteArrayOutputStream bytes) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = socket.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (bytes) {
                        bytes.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }

        /** @return whole frames received so far, over all connections */
        long frames() {
            long frames = 0;
            for (Connection connection : connections) {
                synchronized (connection.bytes()) {
                    frames += connection.bytes().size() / FRAME;
                }
            }
            return frames;
        }

        boolean allConnectionsEnded() {
            return connections.stream().noneMatch(connection -> connection.reader().isAlive());
        }

        List<byte[]> streams() {
            List<byte[]> streams = new ArrayList<>();
            for (Connection connection : connections) {
                synchronized (connection.bytes()) {
                    streams.add(connection.bytes().toByteArray());
                }
            }
            return streams;
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Connection connection : connections) {
                connection.socket().close();
            }
        }
    }
}
