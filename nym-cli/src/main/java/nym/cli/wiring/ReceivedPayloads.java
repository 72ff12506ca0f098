package nym.cli.wiring;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import nym.provider.ProviderException;
import nym.provider.client.ClientMessageStore;
import nym.provider.client.Delivery;
import nym.provider.store.StoredMessage;
import nym.sphinx.PacketPayload;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.fragment.Fragment;
import nym.sphinx.fragment.FragmentException;
import nym.sphinx.fragment.FragmentHeader;
import nym.sphinx.fragment.MessageReassembler;
import nym.sphinx.surb.Surb;
import nym.sphinx.surb.SurbDecryptionKeys;
import nym.traffic.client.CoverMessage;

/**
 * Turns payloads the client pulled (and already stored durably) into messages: drops loop cover,
 * reassembles fragments in any order, and stores each complete message while deleting the payloads
 * it was made of, in one transaction.
 *
 * <p>What it holds in memory (the reassembler's partial sets and which stored payloads belong to
 * them) is derived from the store, and {@link #catchUp()} derives it again whenever it may not match:
 * at the start, so partial messages survive a crash, and after a failure while storing or handling a
 * payload, so a payload stored then is handled at the next pull, not at the next start (the provider
 * hands it over again, but the store skips it as a redelivery).
 *
 * <p>The reassembler is detached: it knows fragments by their headers and local ids, and a completed
 * message is read back from the store, so partial messages take little memory however large. A
 * fragment it has no room for (too many partial messages) stays stored and waits; it is handed on,
 * oldest first, as soon as a message completes or a partial one expires, and at every pull after
 * expired ones are dropped.
 *
 * <p>Thread-safe (one lock).
 */
final class ReceivedPayloads {
    private static final System.Logger LOG = System.getLogger(ReceivedPayloads.class.getName());
    /** How long the keys of a SURB this client handed out wait for its reply. */
    static final Duration REPLY_KEYS_KEPT = Duration.ofDays(7);
    /** Stored payloads read at a time when everything stored is fed in again. */
    private static final int CATCH_UP_PAGE = 100;
    /**
     * The largest message put together: twice what a client sends ({@link MixnetClient#MAX_MESSAGE_BYTES}),
     * room for a SURB beside it. A message is put together in memory, so this keeps a stranger from
     * sending one that does not fit; the store holds the fragments meanwhile, at most the
     * reassembler's sets of them.
     */
    static final long MAX_MESSAGE_BYTES = 2L * MixnetClient.MAX_MESSAGE_BYTES;

    private final ClientMessageStore store;
    private final SphinxGeometry geometry;
    private final Map<Integer, List<Long>> payloadsBySet = new HashMap<>();
    /** Stored fragments that found no room, by local id (so oldest first), with their headers. */
    private final NavigableMap<Long, FragmentHeader> waiting = new TreeMap<>();
    private final Supplier<MessageReassembler> reassemblers;
    private final long maxMessageBytes;
    private MessageReassembler reassembler;
    /**
     * Whether, since the waiting fragments were last tried, the reassembler let go of a set, began
     * one, or learnt a link: any of these may let a waiting fragment in.
     */
    private boolean roomMade;
    /** Why the last fragment handled found no room, or null if it did not. */
    private FragmentException.Reason noRoom;
    /** Whether the store may hold payloads that what is in memory does not reflect. */
    private boolean behind = true;
    /** Whether a message was completed since {@link #takeCompleted()} was last asked. */
    private boolean completed;

    ReceivedPayloads(ClientMessageStore store, SphinxGeometry geometry) {
        this(store, geometry, () -> MessageReassembler.builder(Clock.systemUTC()).geometry(geometry).detached()
                .build(), MAX_MESSAGE_BYTES);
    }

    /**
     * @param reassemblers makes the reassembler, at the start and at every rebuild (tests set its
     *     limits): a detached one, which holds no fragment data, since the store has it
     * @param maxMessageBytes the largest message put together; the fragments of a larger one are discarded
     */
    ReceivedPayloads(ClientMessageStore store, SphinxGeometry geometry, Supplier<MessageReassembler> reassemblers,
            long maxMessageBytes) {
        this.store = store;
        this.geometry = geometry;
        this.reassemblers = reassemblers;
        this.reassembler = reassemblers.get();
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * If the store may hold payloads that were never handed to {@link #accept} (at the start, or
     * after a failure), forgets what is in memory and feeds every stored payload in again, oldest
     * first. Otherwise drops partial messages that expired and hands on the fragments that waited
     * for room, if there is room now. A failure on the way leaves it behind, for the next call.
     */
    synchronized void catchUp() throws ProviderException {
        if (!behind) {
            try {
                dropExpiredSets();
                handWaiting();
            } catch (ProviderException | RuntimeException e) {
                behind = true;
                throw e;
            }
            return;
        }
        List<Long> stored = store.payloadIds();
        reassembler = reassemblers.get();
        payloadsBySet.clear();
        waiting.clear();
        roomMade = false;
        behind = false;
        try {
            // A page at a time: the store may hold many partial messages, not read into memory whole.
            for (int from = 0; from < stored.size(); from += CATCH_UP_PAGE) {
                for (StoredMessage payload : store.payloads(stored.subList(from, Math.min(stored.size(),
                        from + CATCH_UP_PAGE)))) {
                    accept(payload.id(), payload.payload());
                }
            }
        } catch (ProviderException | RuntimeException e) {
            behind = true; // what was not fed in yet is fed in at the next call
            throw e;
        }
    }

    /**
     * Notes that a payload may have been stored without being handed to {@link #accept} (storing it
     * failed, and may have been committed all the same): the next {@link #catchUp()} feeds in every
     * stored payload again.
     */
    synchronized void fallBehind() {
        behind = true;
    }

    /** @return what the reassembler counts as held, for tests: no fragment data, which only the store holds */
    synchronized long heldBytes() {
        return reassembler.bufferedBytes();
    }

    /** @return whether a message was completed (and stored) since the last call */
    synchronized boolean takeCompleted() {
        boolean any = completed;
        completed = false;
        return any;
    }

    /**
     * Handles one stored payload. If it fails, what is in memory may no longer match the store (a set
     * reassembled whose message could not be stored is forgotten here but still stored), so the next
     * {@link #catchUp()} rebuilds it.
     *
     * @return whether it completed a message, now in the store's buffer of received messages
     */
    synchronized boolean accept(long id, byte[] stored) throws ProviderException {
        try {
            boolean complete = handle(id, stored);
            handWaiting();
            return complete;
        } catch (ProviderException | RuntimeException e) {
            behind = true;
            throw e;
        }
    }

    /**
     * While the reassembler may have room since they were last tried, hands on the waiting fragments,
     * oldest first. Once one finds no room for a new set, only fragments of sets held, or of sets that
     * continue a held one (which the reassembler takes beyond its bound), are tried (read from the
     * store) in that round; once one finds no room for its bytes, the round ends.
     */
    private void handWaiting() throws ProviderException {
        while (roomMade && !waiting.isEmpty()) {
            roomMade = false;
            boolean setsFull = false;
            // The ids, not the entries: a TreeMap's entry may take another's key when one is removed.
            for (long id : new ArrayList<>(waiting.keySet())) {
                FragmentHeader header = waiting.get(id);
                if (header == null || setsFull && !reassembler.isPending(header.setId())
                        && !reassembler.continuesHeldSet(header)) {
                    continue; // dropped with its set meanwhile, or still no room for a new set
                }
                List<StoredMessage> stored = store.payloads(List.of(id));
                noRoom = null;
                if (!stored.isEmpty()) {
                    handle(id, stored.get(0).payload());
                }
                if (noRoom == null) {
                    waiting.remove(id);
                } else if (noRoom == FragmentException.Reason.BUFFER_FULL) {
                    break;
                } else {
                    setsFull = true;
                }
            }
        }
    }

    private boolean handle(long id, byte[] stored) throws ProviderException {
        Delivery delivery;
        try {
            delivery = Delivery.fromBytes(stored, geometry.payloadLength());
        } catch (ProviderException e) {
            LOG.log(Level.INFO, "discarding a stored payload: " + e.getMessage());
            store.deletePayloads(List.of(id));
            return false;
        }
        if (delivery.isReply()) {
            return acceptReply(id, delivery);
        }
        byte[] message;
        Fragment fragment;
        try {
            message = PacketPayload.fromBytes(delivery.payload()).recoverMessage();
            if (CoverMessage.isLoopCover(message)) {
                store.deletePayloads(List.of(id));
                return false;
            }
            fragment = Fragment.fromBytes(message);
        } catch (SphinxException | FragmentException e) {
            LOG.log(Level.INFO, "discarding a payload that is not a message: " + e.getMessage());
            store.deletePayloads(List.of(id));
            return false;
        }
        FragmentHeader header = fragment.header();
        if (!header.isFragmented()) {
            complete(fragment.data(), List.of(id));
            return true;
        }
        int set = header.setId();
        payloadsBySet.computeIfAbsent(set, s -> new ArrayList<>()).add(id);
        boolean wasPending = reassembler.isPending(set);
        Optional<long[]> complete;
        try {
            complete = reassembler.acceptDetached(fragment, id);
        } catch (FragmentException e) {
            payloadsBySet.get(set).remove(id);
            if (e.reason() == FragmentException.Reason.TOO_MANY_PENDING
                    || e.reason() == FragmentException.Reason.BUFFER_FULL) {
                // Valid but no room now: the payload stays stored and waits for room.
                noRoom = e.reason();
                if (waiting.put(id, header) == null) {
                    LOG.log(Level.WARNING, "keeping a fragment until there is room: " + e.getMessage());
                }
            } else {
                LOG.log(Level.INFO, "discarding a fragment: " + e.getMessage());
                store.deletePayloads(List.of(id));
            }
            dropExpiredSets();
            return false;
        }
        if (!wasPending || header.previousSetId().isPresent() || header.nextSetId().isPresent()) {
            // A set begun, or a link learnt: waiting fragments of the sets that continue it may be taken now.
            roomMade = true;
        }
        if (complete.isPresent()) {
            roomMade = true;
            long[] fragments = complete.get();
            List<Long> ids = takeSetsOf(fragments);
            if ((long) fragments.length * reassembler.capacity() > maxMessageBytes) {
                LOG.log(Level.WARNING, "discarding a message of " + fragments.length + " fragments: over the "
                        + maxMessageBytes + " bytes this client puts together");
                store.deletePayloads(ids);
                dropExpiredSets();
                return false;
            }
            complete(StoredFragments.join(store, geometry, fragments, reassembler.capacity()), ids);
        }
        dropExpiredSets();
        return complete.isPresent();
    }

    /**
     * Forgets the sets of a completed message: the reassembler let go of them, and they hold its
     * {@code fragments} (sets it let go of by expiry hold none, and are dropped by
     * {@link #dropExpiredSets()}).
     *
     * @return the stored payloads of those sets, the message's fragments and any duplicates of them
     */
    private List<Long> takeSetsOf(long[] fragments) {
        Set<Long> inMessage = new HashSet<>();
        for (long id : fragments) {
            inMessage.add(id);
        }
        List<Long> ids = new ArrayList<>();
        for (var entry : new ArrayList<>(payloadsBySet.entrySet())) {
            if (!reassembler.isPending(entry.getKey()) && entry.getValue().stream().anyMatch(inMessage::contains)) {
                ids.addAll(entry.getValue());
                payloadsBySet.remove(entry.getKey());
            }
        }
        return ids;
    }

    /** Stores a complete message, with the SURB its sender attached if there is one. */
    private void complete(byte[] message, List<Long> payloadIds) throws ProviderException {
        Optional<ReplyEnvelope.Unwrapped> withSurb = ReplyEnvelope.unwrap(message, Surb.encodedLength(geometry));
        if (withSurb.isPresent()) {
            store.completeMessage(withSurb.get().message(), withSurb.get().surb(), payloadIds);
        } else {
            store.completeMessage(message, payloadIds);
        }
        completed = true;
    }

    /** A reply through one of this client's SURBs: undo its layers with the SURB's keys, which it uses up. */
    private boolean acceptReply(long id, Delivery delivery) throws ProviderException {
        byte[] surbId = delivery.surbId().toByteArray();
        Optional<byte[]> keys = store.replyKeys(surbId);
        if (keys.isEmpty()) {
            LOG.log(Level.INFO, "discarding a reply through a SURB this client does not hold (answered before, or "
                    + "forgotten after " + REPLY_KEYS_KEPT.toDays() + " days)");
            store.deletePayloads(List.of(id));
            return false;
        }
        byte[] message;
        SurbDecryptionKeys decryption = null;
        try {
            decryption = SurbDecryptionKeys.fromBytes(keys.get());
            message = decryption.recoverReply(PacketPayload.fromBytes(delivery.payload()));
        } catch (SphinxException e) {
            LOG.log(Level.INFO, "discarding a reply that does not decrypt with its SURB's keys: " + e.getMessage());
            store.deletePayloads(List.of(id));
            return false;
        } finally {
            Arrays.fill(keys.get(), (byte) 0);
            if (decryption != null) {
                decryption.wipe();
            }
        }
        store.completeReply(message, surbId, id);
        completed = true;
        return true;
    }

    /** Deletes the stored payloads of sets the reassembler let expire, and forgets those sets. */
    private void dropExpiredSets() throws ProviderException {
        reassembler.expire();
        // Every set the reassembler holds is a key here (its fragments were noted before it took them):
        // as many keys as held sets means none was let go of, and the scan below, run for every
        // fragment, can be skipped.
        if (payloadsBySet.size() == reassembler.pendingSets()) {
            return;
        }
        List<Long> expired = new ArrayList<>();
        for (var entry : new ArrayList<>(payloadsBySet.entrySet())) {
            int set = entry.getKey();
            if (!reassembler.isPending(set)) {
                if (!entry.getValue().isEmpty()) {
                    // Fragments of the set that waited for room can no longer make a message either.
                    expired.addAll(entry.getValue());
                    waiting.entrySet().removeIf(w -> w.getValue().setId() == set && expired.add(w.getKey()));
                }
                payloadsBySet.remove(set);
            }
        }
        if (!expired.isEmpty()) {
            roomMade = true;
            LOG.log(Level.INFO, "dropping " + expired.size() + " fragments of messages that never completed");
            store.deletePayloads(expired);
        }
    }
}
