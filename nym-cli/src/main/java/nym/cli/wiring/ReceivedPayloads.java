package nym.cli.wiring;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nym.provider.ProviderException;
import nym.provider.client.ClientMessageStore;
import nym.provider.store.StoredMessage;
import nym.sphinx.PacketPayload;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.fragment.Fragment;
import nym.sphinx.fragment.FragmentException;
import nym.sphinx.fragment.FragmentHeader;
import nym.sphinx.fragment.MessageReassembler;
import nym.traffic.client.CoverMessage;

/**
 * Turns payloads the client pulled (and already stored durably) into messages: drops loop cover,
 * reassembles fragments in any order, and stores each complete message while deleting the payloads
 * it was made of, in one transaction. After a restart, {@link #replayStored()} feeds the stored
 * payloads in again, so partial messages survive a crash.
 *
 * <p>Thread-safe (one lock).
 */
final class ReceivedPayloads {
    private static final System.Logger LOG = System.getLogger(ReceivedPayloads.class.getName());

    private final ClientMessageStore store;
    private final MessageReassembler reassembler;
    private final Map<Integer, List<Long>> payloadsBySet = new HashMap<>();
    private final Map<Integer, Set<Integer>> linkedSets = new HashMap<>();

    ReceivedPayloads(ClientMessageStore store, SphinxGeometry geometry) {
        this.store = store;
        this.reassembler = MessageReassembler.builder(Clock.systemUTC()).geometry(geometry).build();
    }

    /** Feeds every stored payload in again, oldest first. */
    synchronized void replayStored() throws ProviderException {
        for (StoredMessage stored : store.payloads()) {
            accept(stored.id(), stored.payload());
        }
    }

    /**
     * Handles one stored payload.
     *
     * @return whether it completed a message, now in the store's buffer of received messages
     */
    synchronized boolean accept(long id, byte[] payload) throws ProviderException {
        byte[] message;
        Fragment fragment;
        try {
            message = PacketPayload.fromBytes(payload).recoverMessage();
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
            store.completeMessage(fragment.data(), List.of(id));
            return true;
        }
        int set = header.setId();
        payloadsBySet.computeIfAbsent(set, s -> new ArrayList<>()).add(id);
        header.previousSetId().ifPresent(other -> link(set, other));
        header.nextSetId().ifPresent(other -> link(set, other));
        Optional<byte[]> complete;
        try {
            complete = reassembler.accept(fragment);
        } catch (FragmentException e) {
            payloadsBySet.get(set).remove(id);
            if (e.reason() == FragmentException.Reason.TOO_MANY_PENDING
                    || e.reason() == FragmentException.Reason.BUFFER_FULL) {
                // Valid but no room now: the payload stays stored and is fed in again at the next start.
                LOG.log(Level.WARNING, "keeping a fragment for later: " + e.getMessage());
            } else {
                LOG.log(Level.INFO, "discarding a fragment: " + e.getMessage());
                store.deletePayloads(List.of(id));
            }
            dropExpiredSets();
            return false;
        }
        if (complete.isPresent()) {
            List<Long> ids = new ArrayList<>();
            for (int member : chainOf(set)) {
                ids.addAll(payloadsBySet.getOrDefault(member, List.of()));
                payloadsBySet.remove(member);
                linkedSets.remove(member);
            }
            store.completeMessage(complete.get(), ids);
        }
        dropExpiredSets();
        return complete.isPresent();
    }

    /** Deletes the stored payloads of sets the reassembler let expire, and forgets those sets. */
    private void dropExpiredSets() throws ProviderException {
        reassembler.expire();
        List<Long> expired = new ArrayList<>();
        for (var entry : new ArrayList<>(payloadsBySet.entrySet())) {
            if (!reassembler.isPending(entry.getKey())) {
                expired.addAll(entry.getValue());
                payloadsBySet.remove(entry.getKey());
                linkedSets.remove(entry.getKey());
            }
        }
        if (!expired.isEmpty()) {
            LOG.log(Level.INFO, "dropping " + expired.size() + " fragments of messages that never completed");
            store.deletePayloads(expired);
        }
    }

    private void link(int a, int b) {
        linkedSets.computeIfAbsent(a, s -> new HashSet<>()).add(b);
        linkedSets.computeIfAbsent(b, s -> new HashSet<>()).add(a);
    }

    private Set<Integer> chainOf(int start) {
        Set<Integer> chain = new HashSet<>();
        List<Integer> todo = new ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            int set = todo.remove(todo.size() - 1);
            if (chain.add(set)) {
                todo.addAll(linkedSets.getOrDefault(set, Set.of()));
            }
        }
        return chain;
    }
}
