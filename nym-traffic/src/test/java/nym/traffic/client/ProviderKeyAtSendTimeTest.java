package nym.traffic.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import nym.crypto.keys.X25519KeyPair;
import nym.crypto.keys.X25519PrivateKey;
import nym.sphinx.PacketProcessor;
import nym.sphinx.ProcessedPacket;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.sphinx.route.DestinationAddress;
import nym.topology.MixNodeInfo;
import nym.topology.ProviderInfo;
import nym.topology.Topology;
import nym.traffic.Await;
import nym.traffic.transport.NodeAddresses;
import nym.traffic.transport.PacketIntake;
import nym.traffic.transport.PacketSender;

/**
 * A message waits in the client's queue; its provider replaces its Sphinx key meanwhile. The packet
 * is built for the key the topology lists when it is sent, not the one it listed when the message
 * was accepted (a message can wait longer than a replaced key's grace).
 */
class ProviderKeyAtSendTimeTest {
    private static final byte[] MESSAGE = "queued before the provider replaced its key".getBytes(StandardCharsets.UTF_8);

    private final SplittableRandom random = new SplittableRandom(3);
    private final X25519KeyPair mix = X25519KeyPair.generate(random);
    private final X25519KeyPair identity = X25519KeyPair.generate(random);
    private final X25519KeyPair replaced = X25519KeyPair.generate(random);
    private final X25519KeyPair current = X25519KeyPair.generate(random);
    private final X25519KeyPair client = X25519KeyPair.generate(random);

    @Test
    void theLastLayerIsBuiltForTheProvidersKeyAtSendTime() throws Exception {
        DestinationAddress me = DestinationAddress.fromBytes(client.publicKey().toByteArray());
        List<SphinxPacket> arrived = new CopyOnWriteArrayList<>();
        try (PacketIntake firstMix = PacketIntake.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                SphinxGeometry.DEFAULT, 1, 1000, "first-mix", 1, arrived::addAll);
                PacketSender sender = PacketSender.create(PacketSender.Config.DEFAULT)) {
            String host = NodeAddresses.formatHost(firstMix.localAddress());
            List<MixNodeInfo> mixes = List.of(new MixNodeInfo(host, mix.publicKey(), 1, 0, ""),
                    new MixNodeInfo(host, mix.publicKey(), 2, 0, ""), new MixNodeInfo(host, mix.publicKey(), 3, 0, ""));
            ProviderInfo whenAccepted = provider(replaced);
            ProviderInfo now = provider(current);
            ClientTrafficConfig config = new ClientTrafficConfig(Duration.ofMillis(20), Duration.ofHours(1),
                    Duration.ZERO, 100, SphinxGeometry.DEFAULT);
            ClientPipeline pipeline = ClientPipeline.start(config, me, () -> Optional.of(now),
                    () -> Topology.of(mixes, List.of(now)), sender);
            try {
                pipeline.offer(List.of(new OutboundMessage(me, whenAccepted, MESSAGE)));
                Await.until("the message, built for the provider's current key", Duration.ofSeconds(20),
                        () -> arrived.stream().anyMatch(packet -> carriesTheMessage(packet, current.privateKey())));
            } finally {
                pipeline.close();
            }
        }
    }

    private ProviderInfo provider(X25519KeyPair sphinxKey) {
        return new ProviderInfo("127.0.0.1:9", "127.0.0.1:10", identity.publicKey(), List.of(), 0, "",
                sphinxKey.publicKey());
    }

    /** @return whether the packet, unwrapped by the three mixes and then with {@code providerKey}, is the message */
    private boolean carriesTheMessage(SphinxPacket packet, X25519PrivateKey providerKey) {
        try {
            SphinxPacket next = packet;
            PacketProcessor mixes = PacketProcessor.forKey(mix.privateKey());
            for (int layer = 0; layer < 3; layer++) {
                next = ((ProcessedPacket.ForwardHop) mixes.process(next)).next();
            }
            ProcessedPacket.FinalHop last = (ProcessedPacket.FinalHop) PacketProcessor.forKey(providerKey).process(next);
            return Arrays.equals(MESSAGE, last.payload().recoverMessage());
        } catch (SphinxException e) {
            return false; // loop cover, or a layer not built for these keys
        }
    }
}
