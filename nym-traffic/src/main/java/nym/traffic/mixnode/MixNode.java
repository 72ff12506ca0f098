package nym.traffic.mixnode;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.DelayQueue;

import nym.crypto.keys.X25519PrivateKey;
import nym.crypto.keys.X25519PublicKey;
import nym.sphinx.PacketProcessor;
import nym.sphinx.ProcessedPacket;
import nym.sphinx.SphinxPacket;
import nym.traffic.internal.HeldPacket;
import nym.traffic.transport.NodeAddresses;
import nym.traffic.transport.PacketIntake;
import nym.traffic.transport.PacketSender;
import nym.traffic.transport.TransportException;

/**
 * The mix node engine: read → unwrap (one layer, with the node's key) → replay check → hold for
 * the delay the sender wrote → forward to the next hop.
 *
 * <p>Reading threads only enqueue; unwrapping runs on {@code workerThreads} platform threads, each
 * taking what is queued in batches of up to {@link PacketProcessor#preferredBatchSize()} packets
 * (so a loaded node multiplies many αs in one vector pass, and an idle one never waits); one
 * thread releases held packets in order of their release time; sending is the
 * {@link PacketSender}'s. Every stage is bounded and counts what it drops ({@link MixNodeMetrics}).
 *
 * <p>Thread-safe. {@link #close()} stops everything; packets in flight are dropped.
 */
public final class MixNode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MixNode.class.getName());
    /** How long a packet for a hop the node does not know waits for the node to learn of it. */
    static final Duration UNKNOWN_HOP_WAIT = Duration.ofSeconds(2);

    private final MixNodeConfig config;
    private final SphinxKeys keys;
    private final MixNodeMetrics metrics = new MixNodeMetrics();
    private final DelayQueue<HeldPacket> held = new DelayQueue<>();
    private final PacketSender sender;
    private final Thread releaser;
    private final PacketIntake intake;
    private volatile boolean closed;

    private MixNode(MixNodeConfig config, SphinxKeys keys) throws IOException {
        this.config = config;
        this.keys = keys;
        this.sender = PacketSender.create(config.sender());
        this.releaser = Thread.ofPlatform().daemon().name("mix-release").start(this::releaseLoop);
        int batch = PacketProcessor.preferredBatchSize(); // compiles the batch path before packets come
        try {
            this.intake = PacketIntake.start(config.listen(), config.geometry(), config.workerThreads(),
                    config.processingQueueCapacity(), "mix", batch, this::processAll);
        } catch (IOException | RuntimeException e) {
            closed = true;
            this.keys.close();
            releaser.interrupt();
            sender.close();
            throw e;
        }
        this.keys.startChecks();
        metrics.countIntake(intake::received, intake::droppedQueueFull);
        LOG.log(Level.INFO, batch > 1
                ? "unwrapping queued packets in batches of up to " + batch + " (lane-parallel ladder)"
                : "unwrapping one packet at a time (batches need --add-modules=jdk.incubator.vector and a JIT"
                        + " that compiles the Vector API: docs/operations.md)");
    }

    /**
     * Starts a node that unwraps packets built for {@code key} for ever; {@code replayFilter}
     * forgets its oldest tags when full.
     *
     * @throws IOException if the listening address cannot be bound
     */
    public static MixNode start(MixNodeConfig config, X25519PrivateKey key, ReplayFilter replayFilter)
            throws IOException {
        return start(config, SphinxKeys.fixed(Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(replayFilter, "replayFilter"), config.geometry()));
    }

    /**
     * Starts a node that unwraps packets built for the keys of {@code keys} and replaces its key as
     * {@code rotation} says, through {@code store}. Each key's filter then never forgets: a key is
     * replaced before its filter fills, and a packet for a key whose filter is full is dropped
     * ({@link DropReason#KEY_FULL}).
     *
     * @throws IOException if the listening address cannot be bound
     */
    public static MixNode start(MixNodeConfig config, KeyRing keys, KeyRotation rotation, SphinxKeyStore store)
            throws IOException {
        return start(config, SphinxKeys.rotating(keys, rotation, store, config.geometry()));
    }

    /**
     * Starts a node that unwraps packets with {@code keys}, which it starts checking once it listens
     * and closes when it closes (also when it cannot start).
     *
     * @throws IOException if the listening address cannot be bound
     */
    public static MixNode start(MixNodeConfig config, SphinxKeys keys) throws IOException {
        return new MixNode(Objects.requireNonNull(config, "config"), Objects.requireNonNull(keys, "keys"));
    }

    /** @return the public key of the node's current key, the one to announce */
    public X25519PublicKey publicKey() {
        return keys.publicKey();
    }

    /** @return where the node accepts packets */
    public InetSocketAddress localAddress() {
        return intake.localAddress();
    }

    /** @return the node's counters */
    public MixNodeMetrics metrics() {
        return metrics;
    }

    /** @return the outbound side's counters (connections, queues) */
    public PacketSender sender() {
        return sender;
    }

    /** @return malformed frames seen by the listener */
    public long badFrames() {
        return intake.badFrames();
    }

    private void processAll(List<SphinxPacket> batch) {
        keys.unwrapAll(batch, this::route, metrics::recordDropped);
    }

    private void route(ProcessedPacket result) {
        switch (result) {
            case ProcessedPacket.FinalHop last -> metrics.recordDropped(DropReason.NOT_A_MIX_PACKET);
            case ProcessedPacket.ForwardHop forward -> hold(forward);
        }
    }

    private void hold(ProcessedPacket.ForwardHop forward) {
        if (forward.delay().nanos() > config.maxDelay().toNanos()) {
            metrics.recordDropped(DropReason.BAD_PACKET);
            return;
        }
        InetSocketAddress nextHop;
        try {
            nextHop = NodeAddresses.decode(forward.nextHop());
        } catch (TransportException e) {
            metrics.recordDropped(DropReason.UNKNOWN_NEXT_HOP);
            return;
        }
        if (metrics.heldCounter().incrementAndGet() > config.maxHeldPackets()) {
            metrics.heldCounter().decrementAndGet();
            metrics.recordDropped(DropReason.QUEUE_FULL);
            return;
        }
        long now = System.nanoTime();
        long releaseAt = now + forward.delay().nanos();
        boolean known = config.nextHops().allows(nextHop);
        if (!known) {
            // Perhaps a node that joined since the topology was last read: give the read time to finish.
            releaseAt = Math.max(releaseAt, now + UNKNOWN_HOP_WAIT.toNanos());
        }
        held.add(new HeldPacket(releaseAt, forward.next(), nextHop, NodeAddresses.formatHost(nextHop), known));
    }

    private void releaseLoop() {
        while (!closed) {
            HeldPacket packet;
            try {
                packet = held.take();
            } catch (InterruptedException e) {
                return;
            }
            metrics.heldCounter().decrementAndGet();
            if (!packet.nextHopKnown() && !config.nextHops().allows(packet.nextHop())) {
                metrics.recordDropped(DropReason.UNKNOWN_NEXT_HOP);
            } else if (sender.send(packet.nextHop(), packet.packet())) {
                metrics.recordForwarded(packet.nextHost());
            } else {
                metrics.recordDropped(DropReason.QUEUE_FULL);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        intake.close();
        keys.close();
        releaser.interrupt();
        sender.close();
        LOG.log(Level.INFO, "mix node on " + intake.localAddress() + " stopped: " + metrics);
    }
}
