package nym.traffic.mixnode;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import nym.sphinx.SphinxGeometry;

/**
 * Keeps a node's {@link KeyRing} current: replaces the key after {@link KeyRotation#rotateAfterPackets()}
 * packets or {@link KeyRotation#maxAge()}, and retires the previous key at the end of its grace or
 * when its filter is full. Workers read {@link #ring()} without locking; changes run on one
 * scheduler thread.
 */
final class KeyRotator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MixNode.class.getName());
    private static final Duration LONGEST_CHECK_GAP = Duration.ofSeconds(1);
    private static final Duration SHORTEST_CHECK_GAP = Duration.ofMillis(10);

    /** The keys in use, as the workers see them. */
    record Ring(KeyInUse current, KeyInUse previous, Instant previousRetiresAt) {}

    private final KeyRotation rotation;
    private final SphinxKeyStore store;
    private final SphinxGeometry geometry;
    private final InstantSource clock;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean checkAsked = new AtomicBoolean();
    private volatile Ring ring;
    private boolean failing;

    KeyRotator(KeyRing keys, KeyRotation rotation, SphinxKeyStore store, SphinxGeometry geometry, InstantSource clock) {
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

    /** Starts the checks; called once the node listens, so that a start that fails changes no key. */
    void start() {
        if (scheduler == null) {
            return;
        }
        Duration gap = rotation.maxAge().compareTo(rotation.grace()) < 0 || rotation.grace().isZero()
                ? rotation.maxAge() : rotation.grace();
        long gapMillis = Math.clamp(gap.dividedBy(4).toMillis(), SHORTEST_CHECK_GAP.toMillis(),
                LONGEST_CHECK_GAP.toMillis());
        scheduler.scheduleWithFixedDelay(this::check, 0, gapMillis, TimeUnit.MILLISECONDS);
    }

    Ring ring() {
        return ring;
    }

    /** @return whether {@code keys}' previous key may still unwrap a packet now (the checks retire it a little later) */
    boolean previousAccepted(Ring keys) {
        return keys.previous() != null && clock.instant().isBefore(keys.previousRetiresAt());
    }

    /** Called after a tag was recorded with a key: asks for a check once a rotation is due. */
    void recorded(KeyInUse key) {
        Ring keys = ring;
        boolean due = key.tags() >= rotation.rotateAfterPackets() && keys.previous() == null || key.full();
        if (scheduler != null && key == keys.current() && due && !checkAsked.getAndSet(true)) {
            scheduler.execute(this::check);
        }
    }

    private void check() {
        checkAsked.set(false);
        Instant now = clock.instant();
        Ring keys = ring;
        if (keys.previous() != null && (!now.isBefore(keys.previousRetiresAt()) || keys.previous().full())) {
            retirePrevious(keys, now.isBefore(keys.previousRetiresAt()) ? "its replay filter is full" : "its grace ended");
            keys = ring;
        }
        // A key is replaced at most once per grace, so that clients that read the topology before one
        // change are not cut off by the next; only a full filter cuts the previous key's grace short.
        KeyInUse current = keys.current();
        boolean old = !now.isBefore(current.key().madeAt().plus(rotation.maxAge()));
        boolean due = old || current.tags() >= rotation.rotateAfterPackets();
        if (due && keys.previous() == null || current.full()) {
            rotate(keys, now, current.full() ? "its replay filter is full"
                    : old ? "it is " + rotation.maxAge().toMillis() + " ms old" : "it unwrapped " + current.tags() + " packets");
        }
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
