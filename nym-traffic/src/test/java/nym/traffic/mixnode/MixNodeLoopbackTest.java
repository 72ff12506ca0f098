package nym.traffic.mixnode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nym.crypto.keys.X25519KeyPair;
import nym.sphinx.PacketBuilder;
import nym.sphinx.PacketProcessor;
import nym.sphinx.ProcessedPacket;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.SurbId;
import nym.traffic.Await;
import nym.traffic.transport.NodeAddresses;
import nym.traffic.transport.PacketListener;
import nym.traffic.transport.PacketSender;

/** Three real mix nodes on loopback, a final listener, and a real sender. */
class MixNodeLoopbackTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final SplittableRandom random = new SplittableRandom(17);
    private final List<MixNode> mixes = new ArrayList<>();
    private final List<X25519KeyPair> mixKeys = new ArrayList<>();
    private final X25519KeyPair lastKey = X25519KeyPair.generate(random);
    private final List<SphinxPacket> arrived = new CopyOnWriteArrayList<>();
    private PacketListener last;
    private PacketSender client;

    @BeforeEach
    void startNetwork() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        for (int i = 0; i < 3; i++) {
            X25519KeyPair key = X25519KeyPair.generate(random);
            mixKeys.add(key);
            mixes.add(MixNode.start(MixNodeConfig.defaults(any), key.privateKey(), new InMemoryReplayFilter(1000)));
        }
        last = PacketListener.start(any, SphinxGeometry.DEFAULT, (packet, from) -> arrived.add(packet));
        client = PacketSender.create(PacketSender.Config.DEFAULT);
    }

    @AfterEach
    void stopNetwork() {
        client.close();
        mixes.forEach(MixNode::close);
        last.close();
    }

    private SphinxPacket packet(String message) throws Exception {
        List<Hop> route = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            route.add(new Hop(NodeAddresses.encode(mixes.get(i).localAddress()), mixKeys.get(i).publicKey()));
        }
        route.add(new Hop(NodeAddresses.encode(last.localAddress()), lastKey.publicKey()));
        return PacketBuilder.create().route(route)
                .delays(List.of(Delay.ofMillis(5), Delay.ofMillis(5), Delay.ofMillis(5), Delay.ZERO))
                .destination(new Destination(DestinationAddress.fromBytes(new byte[32]), SurbId.fromBytes(new byte[16])))
                .message(message.getBytes(StandardCharsets.UTF_8)).random(random).build();
    }

    @Test
    void aPacketCrossesThreeMixesAndAReplayIsDropped() throws Exception {
        SphinxPacket packet = packet("through three mixes");
        client.send(mixes.get(0).localAddress(), packet);
        Await.until("the packet at the last hop", DEADLINE, () -> arrived.size() == 1);

        ProcessedPacket result = PacketProcessor.forKey(lastKey.privateKey()).process(arrived.get(0));
        ProcessedPacket.FinalHop delivered = assertInstanceOf(ProcessedPacket.FinalHop.class, result);
        assertArrayEquals("through three mixes".getBytes(StandardCharsets.UTF_8), delivered.payload().recoverMessage());
        for (MixNode mix : mixes) {
            assertEquals(1, mix.metrics().received());
            assertEquals(1, mix.metrics().forwarded());
        }

        client.send(mixes.get(0).localAddress(), packet);
        Await.until("the replay to be dropped", DEADLINE, () -> mixes.get(0).metrics().dropped(DropReason.REPLAY) == 1);
        assertEquals(1, mixes.get(0).metrics().forwarded(), "the replay was not forwarded");
        assertEquals(1, arrived.size());
    }

    /** A burst fills the workers' batches (the vector lanes under test); every packet still arrives once. */
    @Test
    void aBurstCrossesTheMixesWithEveryPacketIntact() throws Exception {
        int burst = 60;
        List<String> messages = new ArrayList<>();
        List<SphinxPacket> packets = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            messages.add("burst " + i);
            packets.add(packet(messages.get(i)));
        }
        packets.forEach(packet -> client.send(mixes.get(0).localAddress(), packet));
        Await.until("the whole burst at the last hop", DEADLINE, () -> arrived.size() == burst);

        PacketProcessor lastHop = PacketProcessor.forKey(lastKey.privateKey());
        List<String> received = new ArrayList<>();
        for (SphinxPacket packet : arrived) {
            ProcessedPacket.FinalHop delivered = assertInstanceOf(ProcessedPacket.FinalHop.class, lastHop.process(packet));
            received.add(new String(delivered.payload().recoverMessage(), StandardCharsets.UTF_8));
        }
        assertEquals(messages.stream().sorted().toList(), received.stream().sorted().toList());
        for (MixNode mix : mixes) {
            assertEquals(burst, mix.metrics().forwarded());
        }
    }

    @Test
    void garbageOnTheListeningPortLeavesTheNodeServing() throws Exception {
        MixNode first = mixes.get(0);
        try (Socket garbage = new Socket(first.localAddress().getAddress(), first.localAddress().getPort())) {
            OutputStream out = garbage.getOutputStream();
            out.write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Await.until("the bad frame to be counted", DEADLINE, () -> first.badFrames() == 1);
        }
        try (Socket wrongLength = new Socket(first.localAddress().getAddress(), first.localAddress().getPort())) {
            wrongLength.getOutputStream().write(new byte[] {1, 0, 5, 1, 2, 3, 4, 5});
            Await.until("the second bad frame to be counted", DEADLINE, () -> first.badFrames() == 2);
        }
        client.send(first.localAddress(), packet("still serving"));
        Await.until("the packet at the last hop", DEADLINE, () -> arrived.size() == 1);
    }

    @Test
    void aPacketForAnotherKeyIsDroppedAsBad() throws Exception {
        SphinxPacket packet = packet("wrong entry");
        client.send(mixes.get(1).localAddress(), packet);
        Await.until("the bad packet to be counted", DEADLINE,
                () -> mixes.get(1).metrics().dropped(DropReason.BAD_PACKET) == 1);
        assertEquals(0, mixes.get(1).metrics().forwarded());
    }

    @Test
    void aPacketAskingForMoreThanTheMaximumDelayIsDropped() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        MixNodeConfig defaults = MixNodeConfig.defaults(any);
        MixNodeConfig strict = new MixNodeConfig(any, defaults.geometry(), 1, 100, 100, defaults.sender(),
                Duration.ofSeconds(1), NextHops.ANY);
        X25519KeyPair key = X25519KeyPair.generate(random);
        try (MixNode node = MixNode.start(strict, key.privateKey(), new InMemoryReplayFilter(100))) {
            SphinxPacket packet = PacketBuilder.create()
                    .route(List.of(new Hop(NodeAddresses.encode(node.localAddress()), key.publicKey()),
                            new Hop(NodeAddresses.encode(last.localAddress()), lastKey.publicKey())))
                    .delays(List.of(Delay.ofMillis(2_000), Delay.ZERO))
                    .destination(new Destination(DestinationAddress.fromBytes(new byte[32]), SurbId.fromBytes(new byte[16])))
                    .random(random).build();
            client.send(node.localAddress(), packet);
            Await.until("the packet to be dropped", DEADLINE, () -> node.metrics().dropped(DropReason.BAD_PACKET) == 1);
            assertEquals(0, node.metrics().held());
        }
    }
}
