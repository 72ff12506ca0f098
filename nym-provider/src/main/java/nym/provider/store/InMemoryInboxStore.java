package nym.provider.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import nym.provider.client.AuthToken;
import nym.sphinx.route.DestinationAddress;

/**
 * An {@link InboxStore} in memory, for tests: the same contract except durability (everything is
 * lost with the process). Thread-safe (one lock).
 */
public final class InMemoryInboxStore implements InboxStore {
    private final Map<DestinationAddress, AuthToken> tokens = new LinkedHashMap<>();
    private final Map<DestinationAddress, TreeMap<Long, byte[]>> inboxes = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public synchronized AuthToken register(DestinationAddress client, AuthToken token) {
        return tokens.computeIfAbsent(client, c -> token);
    }

    @Override
    public synchronized Optional<AuthToken> tokenOf(DestinationAddress client) {
        return Optional.ofNullable(tokens.get(client));
    }

    @Override
    public synchronized List<DestinationAddress> registeredClients() {
        return List.copyOf(tokens.keySet());
    }

    @Override
    public synchronized void store(DestinationAddress client, byte[] payload) {
        inboxes.computeIfAbsent(client, c -> new TreeMap<>()).put(nextId++, payload.clone());
    }

    @Override
    public synchronized List<StoredMessage> peek(DestinationAddress client, int max) {
        List<StoredMessage> out = new ArrayList<>();
        for (Map.Entry<Long, byte[]> entry : inboxes.getOrDefault(client, new TreeMap<>()).entrySet()) {
            if (out.size() >= max) {
                break;
            }
            out.add(new StoredMessage(entry.getKey(), entry.getValue()));
        }
        return out;
    }

    @Override
    public synchronized int acknowledge(DestinationAddress client, Collection<Long> ids) {
        TreeMap<Long, byte[]> inbox = inboxes.get(client);
        if (inbox == null) {
            return 0;
        }
        int deleted = 0;
        for (Long id : ids) {
            if (inbox.remove(id) != null) {
                deleted++;
            }
        }
        return deleted;
    }

    @Override
    public synchronized long count(DestinationAddress client) {
        return inboxes.getOrDefault(client, new TreeMap<>()).size();
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
