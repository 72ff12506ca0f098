package nym.provider.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import nym.provider.ProviderException;
import nym.provider.client.AuthToken;
import nym.sphinx.route.DestinationAddress;

/**
 * The provider's durable state: registered clients with their tokens, and each client's inbox.
 *
 * <p>Contract: {@link #store} returns only once the message survives a crash of the process;
 * {@link #peek} never removes anything; a message leaves only through {@link #acknowledge} by its
 * owner. Implementations are thread-safe.
 */
public interface InboxStore extends AutoCloseable {
    /**
     * Registers {@code client} with {@code token} unless it is registered already.
     *
     * @return the client's token: {@code token} for a new client, the stored one otherwise
     */
    AuthToken register(DestinationAddress client, AuthToken token) throws ProviderException;

    /** @return the client's token, if it is registered */
    Optional<AuthToken> tokenOf(DestinationAddress client) throws ProviderException;

    /** @return every registered client */
    List<DestinationAddress> registeredClients() throws ProviderException;

    /** Stores {@code payload} for {@code client} durably before returning. */
    void store(DestinationAddress client, byte[] payload) throws ProviderException;

    /** @return up to {@code max} of the client's oldest messages, without removing them */
    List<StoredMessage> peek(DestinationAddress client, int max) throws ProviderException;

    /**
     * Deletes the client's messages with these ids; ids of other clients or already deleted ones are
     * ignored.
     *
     * @return how many were deleted
     */
    int acknowledge(DestinationAddress client, Collection<Long> ids) throws ProviderException;

    /** @return messages waiting for {@code client} */
    long count(DestinationAddress client) throws ProviderException;

    @Override
    void close() throws ProviderException;
}
