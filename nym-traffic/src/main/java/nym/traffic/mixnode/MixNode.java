package nym.traffic.mixnode;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.DelayQueue;

import nym.crypto.keys.X25519PrivateKey;
import nym.crypto.keys.X25519PublicKey;
import nym.sphinx.PacketOutcome;
import nym.sphinx.PacketProcessor;
import nym.sphinx.ProcessedPacket;
import nym.sphinx.SphinxException;
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
    private final KeyRotator keys;
    private final MixNodeMetrics metrics = new MixNodeMetrics();
    private final DelayQueue<HeldPacket> held = new DelayQueue<>();
    private final PacketSender sender;
    private final Thread releaser;
    private final PacketIntake intake;
    private volatile boolean closed;

    private MixNode(MixNodeConfig config, KeyRing keys, KeyRotation rotation, SphinxKeyStore store)
            throws IOException {
        this.config = config;
        this.keys = new KeyRotator(keys, rotation, store, config.geometry(), InstantSource.system());
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
        this.keys.start();
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
        return start(config, KeyRing.of(new SphinxKey(key, replayFilter, Instant.now())), KeyRotation.NEVER,
                SphinxKeyStore.NONE);
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
        return new MixNode(Objects.requireNonNull(config, "config"), Objects.requireNonNull(keys, "keys"),
                Objects.requireNonNull(rotation, "rotation"), Objects.requireNonNull(store, "store"));
    }

    /** @return the public key of the node's current key, the one to announce */
    public X25519PublicKey publicKey() {
        return keys.ring().current().key().key().publicKey();
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
        KeyRotator.Ring ring = keys.ring();
        List<PacketOutcome> outcomes = ring.current().processor().processAll(batch);
        List<SphinxPacket> forPrevious = new ArrayList<>(0);
        for (int i = 0; i < outcomes.size(); i++) {
            switch (outcomes.get(i)) {
                case PacketOutcome.Processed processed -> accept(processed.packet(), ring.current());
                case PacketOutcome.Refused refused when refused.error().reason() == SphinxException.Reason.MAC_MISMATCH
                        && keys.previousAccepted(ring) -> forPrevious.add(batch.get(i));
                case PacketOutcome.Refused refused -> drop(refused.error());
            }
        }
        if (forPrevious.isEmpty()) {
            return;
        }
        for (PacketOutcome outcome : ring.previous().processor().processAll(forPrevious)) {
            switch (outcome) {
                case PacketOutcome.Processed processed -> accept(processed.packet(), ring.previous());
                case PacketOutcome.Refused refused -> drop(refused.error());
            }
        }
    }

    private void accept(ProcessedPacket result, KeyInUse key) {
        switch (key.record(result.replayTag())) {
            case FIRST_USE -> keys.recorded(key);
            case REPLAY -> {
                metrics.recordDropped(DropReason.REPLAY);
                return;
            }
            case FULL -> {
                metrics.recordDropped(DropReason.KEY_FULL);
                return;
            }
            case RETIRED -> {
                metrics.recordDropped(DropReason.BAD_PACKET); // as if it had come a moment later
                return;
            }
        }
        switch (result) {
            case ProcessedPacket.FinalHop last -> metrics.recordDropped(DropReason.NOT_A_MIX_PACKET);
            case ProcessedPacket.ForwardHop forward -> hold(forward);
        }
    }

    private void drop(SphinxException e) {
        metrics.recordDropped(e.reason() == SphinxException.Reason.REPLAY ? DropReason.REPLAY : DropReason.BAD_PACKET);
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
