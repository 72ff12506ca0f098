package nym.cli.wiring;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import nym.provider.ProviderException;
import nym.provider.client.AuthToken;
import nym.provider.client.ClientMessageStore;
import nym.provider.client.ProviderClient;
import nym.provider.store.StoredMessage;
import nym.sphinx.route.DestinationAddress;
import nym.topology.ProviderInfo;
import nym.traffic.transport.NodeAddresses;
import nym.traffic.transport.TransportException;

/**
 * The client's pulls from its provider. Each pulled payload is stored in {@code received.db}
 * (committed) before it is acknowledged, so the provider deletes only what the client has stored; a
 * payload that cannot be stored stays at the provider, with the rest of its batch, for the next
 * pull. What is stored goes to reassembly at once, or, after a failure, at the next pull's
 * {@link ReceivedPayloads#catchUp()}: never only at the next start.
 *
 * <p>Holds no state of its own; the client calls it from its one pulling thread.
 */
final class ProviderPulls {
    /** The most payloads one pull asks for. */
    private static final int BATCH = 100;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final DestinationAddress self;
    private final AuthToken token;
    private final String providerKey;
    private final ClientMessageStore store;
    private final ReceivedPayloads received;

    /**
     * @param providerKey the provider's base58 public key, which the store keeps its last id under
     */
    ProviderPulls(DestinationAddress self, AuthToken token, String providerKey, ClientMessageStore store,
            ReceivedPayloads received) {
        this.self = self;
        this.token = token;
        this.providerKey = providerKey;
        this.store = store;
        this.received = received;
    }

    /**
     * Pulls batches from {@code provider} until it has no more.
     *
     * @param afterBatch run after each full batch, before the next is pulled
     * @throws ProviderException if a payload could not be stored (after handing on those stored before it)
     */
    void pullAll(ProviderInfo provider, Runnable afterBatch) throws ProviderException, TransportException {
        InetSocketAddress address = NodeAddresses.parseHost(provider.clientHost());
        try (ProviderClient client = ProviderClient.connect(address, provider.publicKey(), CONNECT_TIMEOUT)) {
            while (pullBatch(client) == BATCH) {
                afterBatch.run();
            }
        }
    }

    /** @return how many payloads the provider handed over */
    private int pullBatch(ProviderClient client) throws ProviderException, TransportException {
        List<StoredMessage> batch = client.pull(self, token, BATCH);
        List<Long> stored = new ArrayList<>();
        List<StoredMessage> fresh = new ArrayList<>();
        ProviderException notStored = null;
        for (StoredMessage message : batch) {
            try {
                store.storePayload(providerKey, message.id(), message.payload())
                        .ifPresent(localId -> fresh.add(new StoredMessage(localId, message.payload())));
            } catch (ProviderException e) {
                // It may be committed all the same: then the provider's next delivery of it is skipped
                // as a redelivery, and only feeding in the whole store again reaches it.
                received.fallBehind();
                notStored = e;
                break;
            }
            stored.add(message.id());
        }
        // Handed on before they are acknowledged: a failed acknowledgement then leaves nothing unhandled
        // (the provider hands them over again and the store skips them), and a failure to hand on has
        // left the reassembly behind, so the next pull feeds in the whole store.
        for (StoredMessage message : fresh) {
            received.accept(message.id(), message.payload());
        }
        if (!stored.isEmpty()) {
            client.acknowledge(self, token, stored);
        }
        if (notStored != null) {
            throw notStored;
        }
        return batch.size();
    }
}
