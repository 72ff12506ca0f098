package nym.traffic.mixnode;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import nym.crypto.keys.X25519PrivateKey;
import nym.crypto.keys.X25519PublicKey;
import nym.sphinx.PacketOutcome;
import nym.sphinx.ProcessedPacket;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;

/**
 * The Sphinx keys a node (a mix node, a provider) unwraps packets with, each with the replay tags of
 * its packets: {@link #unwrapAll} unwraps with the current key, and with the previous one in its
 * grace the packets whose MAC failed, and records each tag with its key. Rotating keys
 * ({@link #rotating}) are kept current as {@link KeyRotation} says: the key is replaced after
 * {@link KeyRotation#rotateAfterPackets()} packets, {@link KeyRotation#maxAge()}, or when its filter
 * is full, and the previous key retires at the end of its grace or when its filter is full. Workers
 * read the keys without locking; changes run on one scheduler thread, from {@link #startChecks()}.
 * Thread-safe.
 */
public final class SphinxKeys implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SphinxKeys.class.getName());
    private static final Duration LONGEST_CHECK_GAP = Duration.ofSeconds(1);
    private static final Duration SHORTEST_CHECK_GAP = Duration.ofMillis(10);

    /** The keys in use, as the workers see them. */
    private record Ring(KeyInUse current, KeyInUse previous, Instant previousRetiresAt) {}

    private final KeyRotation rotation;
    private final SphinxKeyStore store;
    private final SphinxGeometry geometry;
    private final InstantSource clock;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean checkAsked = new AtomicBoolean();
    private volatile Ring ring;
    private boolean failing;

    /**
     * Keys replaced as {@code rotation} says, through {@code store}; each key's filter never forgets
     * (a packet for a key whose filter is full is dropped as {@link DropReason#KEY_FULL}).
     */
    public static SphinxKeys rotating(KeyRing keys, KeyRotation rotation, SphinxKeyStore store, SphinxGeometry geometry) {
        return new SphinxKeys(Objects.requireNonNull(keys, "keys"), Objects.requireNonNull(rotation, "rotation"),
                Objects.requireNonNull(store, "store"), Objects.requireNonNull(geometry, "geometry"),
                InstantSource.system());
    }

    /** One key for ever; {@code tags} forgets its oldest tags when full. */
    public static SphinxKeys fixed(X25519PrivateKey key, ReplayFilter tags, SphinxGeometry geometry) {
        return rotating(KeyRing.of(new SphinxKey(key, tags, Instant.now())), KeyRotation.NEVER, SphinxKeyStore.NONE,
                geometry);
    }

    private SphinxKeys(KeyRing keys, KeyRotation rotation, SphinxKeyStore store, SphinxGeometry geometry,
            InstantSource clock) {
        this.rotation = rotation;
        this.store = store;
        this.geometry = geometry;
        this.clock = clock;
        boolean bounded = rotation.rotates();
        this.ring = new Ring(new KeyInUse(keys.current(), geometry, bounded),
                keys.previous() == null ? null : new KeyInUse(keys.previous(), geometry, bounded),
                keys.previousRetiresAt());
        if (!bounded) {
            this.scheduler = null;
            return;
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("key-rotation").daemon().factory());
    }

    /** Starts the checks; a node calls it once it listens, so that a start that fails changes no key. */
    public void startChecks() {
        if (scheduler == null) {
            return;
        }
        Duration gap = rotation.maxAge().compareTo(rotation.grace()) < 0 || rotation.grace().isZero()
                ? rotation.maxAge() : rotation.grace();
        long gapMillis = Math.clamp(gap.dividedBy(4).toMillis(), SHORTEST_CHECK_GAP.toMillis(),
                LONGEST_CHECK_GAP.toMillis());
        scheduler.scheduleWithFixedDelay(this::check, 0, gapMillis, TimeUnit.MILLISECONDS);
    }

    /** @return the public key of the current key, the one to announce */
    public X25519PublicKey publicKey() {
        return ring.current().key().key().publicKey();
    }

    /**
     * Unwraps {@code batch} and records each unwrapped packet's tag with the key that unwrapped it;
     * hands each packet that unwrapped and was not seen before to {@code accepted}, once the tags are
     * {@linkplain ReplayFilter#persist() persisted}, and the reason of every other to {@code dropped}
     * ({@link DropReason#BAD_PACKET}, {@link DropReason#REPLAY} or {@link DropReason#KEY_FULL}).
     */
    public void unwrapAll(List<SphinxPacket> batch, Consumer<ProcessedPacket> accepted, Consumer<DropReason> dropped) {
        Ring keys = ring;
        List<ProcessedPacket> firstUses = new ArrayList<>(batch.size());
        List<PacketOutcome> outcomes = keys.current().processor().processAll(batch);
        List<SphinxPacket> forPrevious = new ArrayList<>(0);
        for (int i = 0; i < outcomes.size(); i++) {
            switch (outcomes.get(i)) {
                case PacketOutcome.Processed processed ->
                        record(processed.packet(), keys.current(), firstUses, dropped);
                case PacketOutcome.Refused refused when refused.error().reason() == SphinxException.Reason.MAC_MISMATCH
                        && previousAccepted(keys) -> forPrevious.add(batch.get(i));
                case PacketOutcome.Refused refused -> dropped.accept(reasonFor(refused.error()));
            }
        }
        if (!forPrevious.isEmpty()) {
            for (PacketOutcome outcome : keys.previous().processor().processAll(forPrevious)) {
                switch (outcome) {
                    case PacketOutcome.Processed processed ->
                            record(processed.packet(), keys.previous(), firstUses, dropped);
                    case PacketOutcome.Refused refused -> dropped.accept(reasonFor(refused.error()));
                }
            }
            keys.previous().persist();
        }
        if (firstUses.isEmpty()) {
            return;
        }
        // Before any packet goes on: a node killed after forwarding a packet must still know its tag.
        keys.current().persist();
        firstUses.forEach(accepted);
    }

    private static DropReason reasonFor(SphinxException e) {
        return e.reason() == SphinxException.Reason.REPLAY ? DropReason.REPLAY : DropReason.BAD_PACKET;
    }

    private void record(ProcessedPacket packet, KeyInUse key, List<ProcessedPacket> firstUses,
            Consumer<DropReason> dropped) {
        switch (key.record(packet.replayTag())) {
            case FIRST_USE -> {
                recorded(key);
                firstUses.add(packet);
            }
            case REPLAY -> dropped.accept(DropReason.REPLAY);
            case FULL -> dropped.accept(DropReason.KEY_FULL);
            case RETIRED -> dropped.accept(DropReason.BAD_PACKET); // as if it had come a moment later
        }
    }

    /** @return whether {@code keys}' previous key may still unwrap a packet now (the checks retire it a little later) */
    private boolean previousAccepted(Ring keys) {
        return keys.previous() != null && clock.instant().isBefore(keys.previousRetiresAt());
    }

    /** Called after a tag was recorded with a key: asks for a check once a rotation is due. */
    private void recorded(KeyInUse key) {
        if (scheduler == null) {
            return;
        }
        Ring keys = ring;
        boolean due = key.tags() >= rotation.rotateAfterPackets() && keys.previous() == null || key.full();
        if (key == keys.current() && due && !checkAsked.getAndSet(true)) {
            scheduler.execute(this::check);
        }
    }

    /** Runs {@link #checkNow}; an exception would end the scheduled checks, so it is logged instead. */
    private void check() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "checking the Sphinx keys failed: " + e + "; checking again later");
        }
    }

    private void checkNow() {
        checkAsked.set(false);
        Instant now = clock.instant();
        Ring keys = ring;
        if (keys.previous() != null && (!now.isBefore(keys.previousRetiresAt()) || keys.previous().full())) {
            retirePrevious(keys, now.isBefore(keys.previousRetiresAt()) ? "its replay filter is full" : "its grace ended");
            keys = ring;
        }
        // A key is replaced at most once per grace, so that clients that read the topology before one
        // change are not cut off by the next; only a full filter, or tags that may be incomplete (a
        // restart within the previous key's grace after the machine went down), cut the previous key's
        // grace short: such a key is accepted for one grace from now, not kept in use until then.
        KeyInUse current = keys.current();
        boolean old = !now.isBefore(current.key().madeAt().plus(rotation.maxAge()));
        boolean due = old || current.tags() >= rotation.rotateAfterPackets();
        if (due && keys.previous() == null || current.full() || current.key().replaceAtOnce()) {
            rotate(keys, now, whyReplaced(current, old));
        }
    }

    private String whyReplaced(KeyInUse current, boolean old) {
        if (current.full()) {
            return "its replay filter is full";
        }
        if (current.key().replaceAtOnce()) {
            return "its tags may be incomplete";
        }
        return old ? "it reached its maximum age of " + rotation.maxAge().toMillis() + " ms"
                : "it unwrapped " + current.tags() + " packets";
    }

    private void rotate(Ring keys, Instant now, String why) {
        Instant retiresAt = now.plus(rotation.grace()).truncatedTo(ChronoUnit.MILLIS); // as a store keeps it
        SphinxKey next;
        try {
            next = store.rotate(keys.current().key(), retiresAt);
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                LOG.log(Level.WARNING, "cannot replace the Sphinx key (" + why + "): " + e.getMessage()
                        + "; trying again, and packets are dropped once its replay filter is full");
            }
            failing = true;
            return;
        }
        failing = false;
        if (keys.previous() != null) {
            retirePrevious(keys, "the current key was replaced before its grace ended");
        }
        ring = new Ring(new KeyInUse(next, geometry, true), keys.current(), retiresAt);
        LOG.log(Level.INFO, "replaced the Sphinx key (" + why + "): public key now "
                + next.key().publicKey().toBase58() + "; the previous one is accepted until " + retiresAt);
    }

    private void retirePrevious(Ring keys, String why) {
        KeyInUse previous = keys.previous();
        previous.retire();
        ring = new Ring(keys.current(), null, null);
        try {
            store.retire(previous.key());
            LOG.log(Level.INFO, "retired the previous Sphinx key " + previous.key().key().publicKey().toBase58()
                    + " (" + why + ")");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "retired the previous Sphinx key (" + why + "), but could not delete all of"
                    + " its files: " + e.getMessage());
        }
    }

    /** Stops the checks; one that is storing a new key finishes first, so its files are whole. */
    @Override
    public void close() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
