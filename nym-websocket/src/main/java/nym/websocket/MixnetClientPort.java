package nym.websocket;

import java.util.List;

/**
 * What the local APIs (WebSocket, TCP) need from a running mixnet client. Implemented by the client
 * in {@code nym.cli}, so this module depends on nothing above it.
 *
 * <p>Implementations are thread-safe: several connections may call them at once, sharing one
 * identity and one buffer of received messages, as the seed warns.
 */
public interface MixnetClientPort {
    /**
     * Queues {@code message} for {@code recipientAddress} ("base58" or "base58@providerBase58"); it
     * leaves in the client's Poisson stream, split into fragments if it is long.
     *
     * @throws ClientPortException with a one-line reason: a malformed or unknown address, a message
     *     over {@link #maxMessageBytes()}, no route through the network
     */
    void send(String recipientAddress, String message) throws ClientPortException;

    /**
     * {@link #send(String, String)}, with a single-use reply block (SURB) attached when
     * {@code withReplySurb}: the recipient can answer through it without learning this client's address.
     *
     * @throws ClientPortException also if this client cannot attach SURBs
     */
    default void send(String recipientAddress, String message, boolean withReplySurb) throws ClientPortException {
        if (withReplySurb) {
            throw new ClientPortException("this client cannot attach reply SURBs");
        }
        send(recipientAddress, message);
    }

    /**
     * Queues {@code message} as the one reply through {@code replySurb} (base64, as a fetch handed it out).
     *
     * @throws ClientPortException with a one-line reason: a malformed SURB, a message longer than one
     *     reply packet carries, or a client that cannot reply
     */
    default void reply(String replySurb, String message) throws ClientPortException {
        throw new ClientPortException("this client cannot send replies");
    }

    /**
     * @return messages received and not yet delivered, oldest first; they leave the client's buffer
     *     only when the caller reports them {@link Fetched#delivered() delivered}, and a concurrent
     *     fetch does not hand out the same messages meanwhile
     * @throws ClientPortException if the buffer cannot be read
     */
    Fetched fetch() throws ClientPortException;

    /**
     * Registers {@code listener} to run each time messages may have been added to the buffer that
     * {@link #fetch()} reads, by an arrival or by a fetch reported {@link Fetched#undelivered()
     * undelivered} (a push to subscribed connections follows). It runs on the client's own
     * thread: it must return quickly and not throw.
     */
    void onArrival(Runnable listener);

    /** Stops running {@code listener}, registered with {@link #onArrival}; nothing if it is not. */
    void removeArrivalListener(Runnable listener);

    /** @return the base58 addresses of the clients registered at the network's providers */
    List<String> clients() throws ClientPortException;

    /** @return this client's base58 address */
    String ownAddress();

    /** @return the longest message, in UTF-8 bytes, that {@link #send} accepts */
    int maxMessageBytes();
}
