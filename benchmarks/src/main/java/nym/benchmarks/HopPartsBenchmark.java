package nym.benchmarks;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import nym.crypto.CryptoException;
import nym.crypto.SecretAccess;
import nym.crypto.group.GroupElement;
import nym.crypto.group.SharedSecret;
import nym.crypto.keys.X25519PrivateKey;
import nym.crypto.primitives.Sha256;
import nym.sphinx.PacketBuilder;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.sphinx.internal.header.RoutingKeys;

/**
 * The parts of one forward hop ({@link PacketProcessBenchmark#processMixHop}) apart from each other,
 * on the same packet: the shared secret (one ladder), the replay tag's digest, the key derivation,
 * γ's verification, β's key stream, the payload's Lioness layer, and the re-blinding of α (the other
 * ladder). The symmetric parts are what a hop costs beyond its two ladders.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HopPartsBenchmark {
    private static final SphinxGeometry GEOMETRY = SphinxGeometry.DEFAULT;

    private X25519PrivateKey privateKey;
    private GroupElement alpha;
    private byte[] secret;
    private RoutingKeys keys;
    private byte[] packet;
    private byte[] gamma;
    private byte[] routing;
    private byte[] payload;

    @Setup
    public void setUp() throws SphinxException, CryptoException {
        BenchmarkRoutes route = new BenchmarkRoutes(4, 3);
        SphinxPacket built = PacketBuilder.create().route(route.hops).delays(route.delays)
                .destination(route.destination).message(new byte[1000]).random(new SecureRandom()).build();
        privateKey = route.keys.get(0).privateKey();
        alpha = built.alpha();
        SharedSecret shared = privateKey.sharedSecret(alpha);
        secret = shared.toBytes(SecretAccess.insecureGrant());
        keys = RoutingKeys.derive(shared);
        packet = built.toBytes();
        gamma = Arrays.copyOfRange(packet, GEOMETRY.gammaOffset(), GEOMETRY.betaOffset());
        keys.verifyMac(packet, GEOMETRY.betaOffset(), GEOMETRY.betaLength(), gamma, 0);
        routing = new byte[GEOMETRY.headerKeystreamLength()];
        payload = Arrays.copyOfRange(packet, GEOMETRY.payloadOffset(), packet.length);
    }

    /** s = sk·α: one ladder. */
    @Benchmark
    public SharedSecret sharedSecret() {
        return privateKey.sharedSecret(alpha);
    }

    /** HKDF-SHA256 of s into ρ, μ, π and the blinding factor (reduced mod ℓ). */
    @Benchmark
    public RoutingKeys deriveKeys() {
        return RoutingKeys.deriveFromBytes(secret);
    }

    /** HMAC-SHA256 of β against γ. */
    @Benchmark
    public byte[] verifyGamma() throws CryptoException {
        keys.verifyMac(packet, GEOMETRY.betaOffset(), GEOMETRY.betaLength(), gamma, 0);
        return gamma;
    }

    /** β ‖ 0⁶⁰ XORed with the AES-CTR key stream, from the packet into the routing array. */
    @Benchmark
    public byte[] headerKeystream() {
        keys.decryptPadded(packet, GEOMETRY.betaOffset(), GEOMETRY.betaLength(), routing, routing.length);
        return routing;
    }

    /** One Lioness layer off the 1024-byte payload, in place (decrypting again costs the same). */
    @Benchmark
    public byte[] lionessDecrypt() throws CryptoException {
        keys.decryptPayload(payload, 0, payload.length);
        return payload;
    }

    /** The replay tag's SHA-256 of s, as {@code ReplayTag.ofSecret} computes it. */
    @Benchmark
    public byte[] replayTagDigest() {
        return Sha256.digest(secret);
    }

    /** α' = b·α: the other ladder. */
    @Benchmark
    public GroupElement blind() {
        return alpha.multiply(keys.blindingFactor());
    }
}
