package nym.sphinx.fragment;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import nym.sphinx.SphinxGeometry;

/**
 * Puts messages back together from fragments that arrive in any order, possibly twice, possibly
 * never. A message is returned by the {@link #accept} call that completes the whole chain of its
 * linked sets; its sets are then forgotten.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Bounded memory: at most {@code maxBufferedBytes} fragment bytes (headers included) are held.
 *       A detached reassembler ({@link Builder#detached()}) holds no data, its caller does, and
 *       counts {@link #DETACHED_FRAGMENT_BYTES} a fragment. A new set is taken while fewer than
 *       {@code maxPendingSets} are held, so honest senders never have more than
 *       {@code maxPendingSets} incomplete messages here; beyond that, only a set that continues a held
 *       one (a link names it) is taken, up to {@link #CONTINUATION_ALLOWANCE} times
 *       {@code maxPendingSets} sets, so that messages already begun can finish while new ones wait. A
 *       sender may link junk sets to a held one and fill the allowance: they never complete, and
 *       expire. Each set also holds an array of one reference a fragment, not counted in the bytes. A fragment that would break a bound
 *       is refused ({@code BUFFER_FULL}, {@code TOO_MANY_PENDING}); what is held is kept.
 *   <li>Expiry: a set that received no new fragment for {@code expiry} (by the injected clock) is
 *       dropped, before every {@link #accept} and on {@link #expire()}. Expiry assumes the clock
 *       does not go backwards; if it does, sets live longer, still within the bounds.
 *   <li>An exact duplicate of a held fragment is ignored. A fragment that contradicts a held one
 *       (same set id, other total or other bytes at a position), or linked sets that do not point
 *       back at each other, is refused with {@code INCONSISTENT}; in the latter case the sets
 *       involved are dropped.
 *   <li>Every fragment must fit the capacity, and every fragment but the last of its message must
 *       fill it, as {@link MessageSplitter} makes them ({@code BAD_DATA_LENGTH} otherwise).
 *   <li>A fragment that arrives after its message was returned starts a new set, which expires.
 * </ul>
 *
 * <p>Thread-safe: all methods lock this instance's private lock. Returned arrays are new and owned
 * by the caller.
 */
public final class MessageReassembler {
    /**
     * How many times {@code maxPendingSets} sets may be held when the sets beyond it continue held
     * ones: a message of our clients' largest size (1 MiB) is five sets of 255 fragments of 1 KB.
     */
    public static final int CONTINUATION_ALLOWANCE = 8;

    /**
     * What one fragment held by a detached reassembler counts against {@code maxBufferedBytes}: about
     * what it takes in memory (its header, a 16-byte digest of its data, the handle, the objects).
     */
    public static final long DETACHED_FRAGMENT_BYTES = 96;

    private final Object lock = new Object();
    private final int capacity;
    private final long maxBufferedBytes;
    private final int maxPendingSets;
    private final Duration expiry;
    private final InstantSource clock;
    private final boolean detached;
    /** Pending sets by id, in order of their latest arrival (re-inserted on each). */
    private final LinkedHashMap<Integer, PendingSet> sets = new LinkedHashMap<>();
    private long bufferedBytes;

    private MessageReassembler(Builder b) {
        this.capacity = b.capacity;
        this.maxBufferedBytes = b.maxBufferedBytes;
        this.maxPendingSets = b.maxPendingSets;
        this.expiry = b.expiry;
        this.clock = b.clock;
        this.detached = b.detached;
    }

    /**
     * @param clock the time used for expiry, not null
     * @return a builder with the defaults listed on {@link Builder}
     */
    public static Builder builder(InstantSource clock) {
        return new Builder(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Parses {@code bytes} with {@link Fragment#fromBytes} and accepts the fragment.
     *
     * @param bytes a fragment as taken from a packet, copied; null counts as empty
     * @return the whole message if this fragment completed it
     * @throws FragmentException for any {@link FragmentException.Reason}
     */
    public Optional<byte[]> accept(byte[] bytes) throws FragmentException {
        return accept(Fragment.fromBytes(bytes));
    }

    /**
     * @param fragment not null
     * @return the whole message if this fragment completed it; empty if more fragments are needed
     *     or the fragment was an exact duplicate
     * @throws FragmentException with {@code BAD_DATA_LENGTH}, {@code INCONSISTENT},
     *     {@code BUFFER_FULL} or {@code TOO_MANY_PENDING}; the reassembler's state is then unchanged,
     *     apart from expiry and the dropping of inconsistent linked sets
     * @throws IllegalStateException if this reassembler is detached
     */
    public Optional<byte[]> accept(Fragment fragment) throws FragmentException {
        requireMode(false, "accept");
        checkLength(fragment);
        if (!fragment.header().isFragmented()) {
            return Optional.of(fragment.data());
        }
        synchronized (lock) {
            List<PendingSet> chain = hold(fragment, HeldFragment.attached(fragment));
            return chain.isEmpty() ? Optional.empty() : Optional.of(SetChain.concatenate(chain));
        }
    }

    /**
     * For a detached reassembler ({@link Builder#detached()}): the caller keeps the fragment, which
     * this reassembler knows only by its header, a digest of its data and {@code handle}, and gets
     * back the handles of a completed message's fragments in message order. Otherwise as
     * {@link #accept(Fragment)}, with every fragment held counting {@link #DETACHED_FRAGMENT_BYTES}
     * against the bound on bytes, whatever its length.
     *
     * @param handle the caller's name for where it keeps {@code fragment}
     * @return the handles of the whole message's fragments, in order, if this fragment completed it
     * @throws IllegalStateException if this reassembler is not detached
     */
    public Optional<long[]> acceptDetached(Fragment fragment, long handle) throws FragmentException {
        requireMode(true, "acceptDetached");
        checkLength(fragment);
        if (!fragment.header().isFragmented()) {
            return Optional.of(new long[] {handle});
        }
        synchronized (lock) {
            List<PendingSet> chain = hold(fragment, HeldFragment.detached(fragment, handle));
            return chain.isEmpty() ? Optional.empty() : Optional.of(SetChain.handles(chain));
        }
    }

    /**
     * @return whether a fragment with {@code header} continues a held set (its links name a held set,
     *     or a held set's links name its set), so that it is taken even when {@code maxPendingSets}
     *     sets are held, while the allowance lasts
     */
    public boolean continuesHeldSet(FragmentHeader header) {
        synchronized (lock) {
            return continuesHeld(header);
        }
    }

    private boolean continuesHeld(FragmentHeader header) {
        if (sets.containsKey(header.previousSetId().orElse(FragmentHeader.NO_LINK))
                || sets.containsKey(header.nextSetId().orElse(FragmentHeader.NO_LINK))) {
            return true;
        }
        for (PendingSet held : sets.values()) {
            if (held.nextSetId() == header.setId() || held.previousSetId() == header.setId()) {
                return true;
            }
        }
        return false;
    }

    private void requireMode(boolean wanted, String method) {
        if (detached != wanted) {
            throw new IllegalStateException(method + " on a reassembler that is " + (detached ? "" : "not ")
                    + "detached");
        }
    }

    /**
     * Holds {@code held}, what is kept of {@code fragment}, under the bounds; called under the lock.
     *
     * @return the whole chain in message order, already let go of, if this completed it; else empty
     */
    private List<PendingSet> hold(Fragment fragment, HeldFragment held) throws FragmentException {
        FragmentHeader header = fragment.header();
        Instant now = clock.instant();
        expireAt(now);
        PendingSet set = sets.get(header.setId());
        if (set != null && !set.isNew(fragment)) {
            return List.of();
        }
        if (set == null && sets.size() >= maxPendingSets
                && (sets.size() >= (long) maxPendingSets * CONTINUATION_ALLOWANCE || !continuesHeld(header))) {
            throw new FragmentException(FragmentException.Reason.TOO_MANY_PENDING, "already " + sets.size()
                    + " pending sets, the most allowed is " + maxPendingSets + " (" + (long) maxPendingSets
                    * CONTINUATION_ALLOWANCE + " with sets that continue held ones)");
        }
        if (bufferedBytes + held.heldBytes() > maxBufferedBytes) {
            throw new FragmentException(FragmentException.Reason.BUFFER_FULL, "holding " + bufferedBytes
                    + " bytes, " + held.heldBytes() + " more would exceed " + maxBufferedBytes);
        }
        if (set == null) {
            set = new PendingSet(header.setId(), header.totalFragments(), now);
        } else {
            sets.remove(header.setId());
        }
        set.add(held, now);
        sets.put(header.setId(), set);
        bufferedBytes += held.heldBytes();
        touchLinked(set, now);
        List<PendingSet> chain = set.isComplete() ? SetChain.find(sets, set, this::remove) : List.of();
        chain.forEach(this::remove);
        return chain;
    }

    /** Drops every set that received nothing for the expiry duration; @return how many it dropped. */
    public int expire() {
        synchronized (lock) {
            return expireAt(clock.instant());
        }
    }

    /** @return whether set {@code setId} is held (it has neither completed a message nor expired) */
    public boolean isPending(int setId) {
        synchronized (lock) {
            return sets.containsKey(setId);
        }
    }

    /** @return sets currently held, complete or not, whose message is not yet complete */
    public int pendingSets() {
        synchronized (lock) {
            return sets.size();
        }
    }

    /** @return fragment bytes (headers and data) currently held */
    public long bufferedBytes() {
        synchronized (lock) {
            return bufferedBytes;
        }
    }

    /** @return the most bytes one fragment may take */
    public int capacity() {
        return capacity;
    }

    private void checkLength(Fragment fragment) throws FragmentException {
        FragmentHeader header = fragment.header();
        int length = fragment.encodedLength();
        boolean lastOfMessage = header.currentFragment() == header.totalFragments() && header.nextSetId().isEmpty();
        if (length > capacity || !lastOfMessage && length != capacity) {
            throw new FragmentException(FragmentException.Reason.BAD_DATA_LENGTH, header + " takes " + length
                    + " bytes, expected " + (lastOfMessage ? "at most " : "exactly ") + capacity);
        }
    }

    private int expireAt(Instant now) {
        int dropped = 0;
        Iterator<PendingSet> oldestFirst = sets.values().iterator();
        while (oldestFirst.hasNext()) {
            PendingSet set = oldestFirst.next();
            if (Duration.between(set.lastArrival(), now).compareTo(expiry) < 0) {
                break;
            }
            oldestFirst.remove();
            bufferedBytes -= set.bytes();
            dropped++;
        }
        return dropped;
    }

    /**
     * Keeps every held set linked to {@code set} as alive as {@code set}: a long message's first sets
     * are complete long before its last fragment arrives, and expiry counts from a message's latest
     * fragment, not from each set's. Moves each touched set to the young end of the age order.
     */
    private void touchLinked(PendingSet set, Instant now) {
        Set<Integer> seen = new HashSet<>();
        seen.add(set.setId());
        List<PendingSet> todo = new ArrayList<>(List.of(set));
        while (!todo.isEmpty()) {
            PendingSet current = todo.remove(todo.size() - 1);
            for (int link : new int[] {current.previousSetId(), current.nextSetId()}) {
                PendingSet neighbour = link == FragmentHeader.NO_LINK ? null : sets.get(link);
                if (neighbour != null && seen.add(link)) {
                    neighbour.touch(now);
                    sets.remove(link);
                    sets.put(link, neighbour);
                    todo.add(neighbour);
                }
            }
        }
    }

    private void remove(PendingSet set) {
        if (sets.remove(set.setId(), set)) {
            bufferedBytes -= set.bytes();
        }
    }

    /**
     * Settings of a {@link MessageReassembler}. Defaults: capacity of
     * {@link SphinxGeometry#DEFAULT}, 64 MiB buffered, 1024 pending sets, 5 minutes expiry. Each
     * setter checks its value; not thread-safe.
     */
    public static final class Builder {
        /** The largest bound on buffered bytes: a message must fit one Java array. */
        public static final long MAX_BUFFERED_BYTES = Integer.MAX_VALUE - 8;

        private final InstantSource clock;
        private int capacity = SphinxGeometry.DEFAULT.maxMessageLength();
        private long maxBufferedBytes = 64L << 20;
        private int maxPendingSets = 1024;
        private Duration expiry = Duration.ofMinutes(5);
        private boolean detached;

        private Builder(InstantSource clock) {
            this.clock = clock;
        }

        /** @throws IllegalArgumentException below {@link MessageSplitter#MIN_CAPACITY} */
        public Builder capacity(int value) {
            if (value < MessageSplitter.MIN_CAPACITY) {
                throw new IllegalArgumentException("capacity must be at least " + MessageSplitter.MIN_CAPACITY
                        + ", got " + value);
            }
            this.capacity = value;
            return this;
        }

        /** Sets the capacity to {@code geometry.maxMessageLength()}. */
        public Builder geometry(SphinxGeometry geometry) {
            return capacity(geometry.maxMessageLength());
        }

        /** @throws IllegalArgumentException if not 1 to {@link #MAX_BUFFERED_BYTES} */
        public Builder maxBufferedBytes(long value) {
            if (value < 1 || value > MAX_BUFFERED_BYTES) {
                throw new IllegalArgumentException(
                        "maxBufferedBytes must be 1 to " + MAX_BUFFERED_BYTES + ", got " + value);
            }
            this.maxBufferedBytes = value;
            return this;
        }

        /** @throws IllegalArgumentException if below 1 */
        public Builder maxPendingSets(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxPendingSets must be at least 1, got " + value);
            }
            this.maxPendingSets = value;
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder expiry(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("expiry must be positive, got " + value);
            }
            this.expiry = value;
            return this;
        }

        /**
         * Makes a reassembler that holds no fragment data: its caller keeps the fragments (on disk,
         * say) and uses {@link MessageReassembler#acceptDetached}, and {@code maxBufferedBytes} then
         * bounds {@link MessageReassembler#DETACHED_FRAGMENT_BYTES} per fragment held.
         */
        public Builder detached() {
            this.detached = true;
            return this;
        }

        /** @return a new, empty reassembler with these settings */
        public MessageReassembler build() {
            return new MessageReassembler(this);
        }
    }
}
