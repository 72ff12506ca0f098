package nym.spectests;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

import nym.crypto.keys.X25519KeyPair;
import nym.sphinx.PacketBuilder;
import nym.sphinx.PacketProcessor;
import nym.sphinx.ProcessedPacket;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxPacket;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.NodeAddress;
import nym.sphinx.route.SurbId;

/**
 * The README's example of using nym-sphinx alone, compiled and run by {@link ReadmeExampleTest},
 * which also checks that the README shows exactly this code between the markers.
 */
final class SphinxUsageExample {
    private SphinxUsageExample() {}

    static String run() throws SphinxException {
        // example-start
        SecureRandom random = new SecureRandom();
        X25519KeyPair mix = X25519KeyPair.generate(random);
        X25519KeyPair provider = X25519KeyPair.generate(random);
        NodeAddress mixAddress = NodeAddress.fromBytes(new byte[32]);
        NodeAddress providerAddress = NodeAddress.fromBytes(new byte[32]);
        Destination bob = new Destination(
                DestinationAddress.fromBytes(X25519KeyPair.generate(random).publicKey().toByteArray()),
                SurbId.fromBytes(new byte[16]));

        SphinxPacket packet = PacketBuilder.create()
                .route(List.of(new Hop(mixAddress, mix.publicKey()), new Hop(providerAddress, provider.publicKey())))
                .delays(List.of(Delay.ofMillis(100), Delay.ZERO))
                .destination(bob)
                .message("hello bob".getBytes(StandardCharsets.UTF_8))
                .random(random)
                .build();                                   // always 1372 bytes

        // At the mix: one layer off, then forward after the delay the sender chose.
        ProcessedPacket atMix = PacketProcessor.forKey(mix.privateKey()).process(packet.toBytes());
        SphinxPacket next = ((ProcessedPacket.ForwardHop) atMix).next();

        // At the provider: the last layer, the recipient and the message.
        ProcessedPacket atProvider = PacketProcessor.forKey(provider.privateKey()).process(next);
        String received = switch (atProvider) {
            case ProcessedPacket.FinalHop last -> new String(last.payload().recoverMessage(), StandardCharsets.UTF_8);
            case ProcessedPacket.ForwardHop hop -> throw new IllegalStateException("route was longer");
        };
        // example-end
        return received;
    }
}
