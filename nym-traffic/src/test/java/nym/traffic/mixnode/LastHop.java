package nym.traffic.mixnode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import nym.crypto.keys.X25519KeyPair;
import nym.crypto.keys.X25519PublicKey;
import nym.sphinx.PacketBuilder;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.SurbId;
import nym.traffic.transport.NodeAddresses;
import nym.traffic.transport.PacketListener;
import nym.traffic.transport.PacketSender;

/** The hop after a mix node under test (a listener noting what arrives), and a client sending to the node. */
final class LastHop implements AutoCloseable {
    static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    final List<SphinxPacket> arrived = new CopyOnWriteArrayList<>();
    final PacketSender client = PacketSender.create(PacketSender.Config.DEFAULT);
    private final X25519KeyPair key;
    private final PacketListener listener;
    private final SplittableRandom random;

    LastHop(SplittableRandom random) throws IOException {
        this.random = random;
        this.key = X25519KeyPair.generate(random);
        this.listener = PacketListener.start(ANY_PORT, SphinxGeometry.DEFAULT, (packet, from) -> arrived.add(packet));
    }

    /** @return a packet with no delays through {@code mix} (built for {@code mixKey}) to this hop */
    SphinxPacket packetThrough(MixNode mix, X25519PublicKey mixKey) throws SphinxException {
        return PacketBuilder.create()
                .route(List.of(new Hop(NodeAddresses.encode(mix.localAddress()), mixKey),
                        new Hop(NodeAddresses.encode(listener.localAddress()), key.publicKey())))
                .delays(List.of(Delay.ZERO, Delay.ZERO))
                .destination(new Destination(DestinationAddress.fromBytes(new byte[32]), SurbId.fromBytes(new byte[16])))
                .random(random).build();
    }

    @Override
    public void close() {
        client.close();
        listener.close();
    }
}
