package nym.traffic.mixnode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import nym.crypto.keys.X25519KeyPair;
import nym.sphinx.PacketBuilder;
import nym.sphinx.PacketProcessor;
import nym.sphinx.ReplayTag;
import nym.sphinx.SphinxPacket;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.NodeAddress;
import nym.sphinx.route.SurbId;

/** Replay tags for the filters' tests: those of real one-hop packets processed at one node. */
final class RealReplayTags {
    private RealReplayTags() {}

    static List<ReplayTag> of(int count, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        X25519KeyPair node = X25519KeyPair.generate(random);
        Hop hop = new Hop(NodeAddress.fromBytes(new byte[32]), node.publicKey());
        Destination destination = new Destination(DestinationAddress.fromBytes(new byte[32]),
                SurbId.fromBytes(new byte[16]));
        PacketProcessor processor = PacketProcessor.forKey(node.privateKey());
        List<ReplayTag> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SphinxPacket packet = PacketBuilder.create().route(List.of(hop)).delays(List.of(Delay.ZERO))
                    .destination(destination).random(random).build();
            out.add(processor.process(packet).replayTag());
        }
        return out;
    }
}
