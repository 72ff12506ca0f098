package nym.cli;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import nym.crypto.keys.X25519KeyPair;
import nym.sphinx.PacketBuilder;
import nym.sphinx.PacketProcessor;
import nym.sphinx.ProcessedPacket;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.NodeAddress;
import nym.sphinx.route.SurbId;

/**
 * The foundation's demonstration, until the network exists: builds one Sphinx packet for three
 * in-process nodes and passes it through them, printing what each hop sees.
 */
public final class SphinxDemoMain {
    private static final int HOPS = 3;

    private SphinxDemoMain() {}

    /** @param args a message to carry (optional) */
    public static void main(String[] args) throws SphinxException {
        String text = args.length > 0 ? String.join(" ", args) : "Hello from the Java mixnet!";
        SecureRandom random = new SecureRandom();
        SphinxGeometry geometry = SphinxGeometry.DEFAULT;
        System.out.println("Sphinx geometry " + geometry + ", fingerprint " + geometry.fingerprint());

        List<X25519KeyPair> nodeKeys = new ArrayList<>();
        List<Hop> route = new ArrayList<>();
        List<Delay> delays = new ArrayList<>();
        for (int i = 0; i < HOPS; i++) {
            X25519KeyPair keys = X25519KeyPair.generate(random);
            nodeKeys.add(keys);
            route.add(new Hop(NodeAddress.fromBytes(randomBytes(random, NodeAddress.LENGTH)), keys.publicKey()));
            delays.add(Delay.ofMillis(50L * (i + 1)));
            System.out.printf("node %d: public key %s%n", i + 1, keys.publicKey().toBase58());
        }
        X25519KeyPair recipient = X25519KeyPair.generate(random);
        Destination destination = new Destination(
                DestinationAddress.fromBytes(recipient.publicKey().toByteArray()),
                SurbId.fromBytes(new byte[SurbId.LENGTH]));

        long started = System.nanoTime();
        SphinxPacket packet = PacketBuilder.create(geometry).route(route).delays(delays).destination(destination)
                .message(text.getBytes(StandardCharsets.UTF_8)).random(random).build();
        System.out.printf("built a %d-byte packet for %d hops to %s in %.2f ms%n", packet.toBytes().length, HOPS,
                recipient.publicKey().toBase58(), (System.nanoTime() - started) / 1e6);

        for (int i = 0; i < HOPS; i++) {
            started = System.nanoTime();
            ProcessedPacket result = PacketProcessor.forKey(nodeKeys.get(i).privateKey(), geometry).process(packet);
            double millis = (System.nanoTime() - started) / 1e6;
            switch (result) {
                case ProcessedPacket.ForwardHop hop -> {
                    System.out.printf("hop %d: forward %d bytes to %s after %d ms (alpha %s..., processed in %.2f ms)%n",
                            i + 1, hop.next().toBytes().length, hop.nextHop().toBase58(),
                            hop.delay().toDuration().toMillis(), hop.next().alpha().toHex().substring(0, 16), millis);
                    packet = hop.next();
                }
                case ProcessedPacket.FinalHop last -> System.out.printf(
                        "hop %d: final, for %s: \"%s\" (processed in %.2f ms)%n", i + 1,
                        last.destination().toBase58(),
                        new String(last.payload().recoverMessage(), StandardCharsets.UTF_8), millis);
            }
        }
    }

    private static byte[] randomBytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
