package nym.websocket;

import java.util.List;

/**
 * Messages handed out by {@link MixnetClientPort#fetch()} that stay the client's until the local API
 * reports them delivered: the server calls {@link #delivered()} once the response has been written to
 * the connection's socket, or {@link #undelivered()} if the connection went away first, so a message is
 * never deleted before an application had the chance to receive it.
 */
public interface Fetched {
    /** @return the messages, oldest first */
    List<String> messages();

    /**
     * @return for each message, the SURB (base64) its sender attached for a reply, or null; an empty
     *     list if no message has one
     */
    default List<String> replySurbs() {
        return List.of();
    }

    /** The response carrying the messages was written to the connection: they may be deleted. */
    void delivered();

    /** The response could not be sent: the messages stay for the next fetch. */
    void undelivered();

    /** @return messages with nothing to confirm (for clients whose buffer is not durable) */
    static Fetched of(List<String> messages) {
        return of(messages, () -> { }, () -> { });
    }

    /**
     * @param onDelivered what {@link #delivered()} does
     * @param onUndelivered what {@link #undelivered()} does
     * @return {@code messages} (copied), confirmed by running one of the two
     */
    static Fetched of(List<String> messages, Runnable onDelivered, Runnable onUndelivered) {
        return of(messages, List.of(), onDelivered, onUndelivered);
    }

    /**
     * @param replySurbs empty, or one entry per message: its SURB (base64), or null
     * @return {@code messages} and {@code replySurbs} (copied), confirmed by running one of the two
     */
    static Fetched of(List<String> messages, List<String> replySurbs, Runnable onDelivered, Runnable onUndelivered) {
        List<String> copy = List.copyOf(messages);
        if (!replySurbs.isEmpty() && replySurbs.size() != copy.size()) {
            throw new IllegalArgumentException(replySurbs.size() + " reply SURBs for " + copy.size() + " messages");
        }
        List<String> surbs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(replySurbs));
        return new Fetched() {
            @Override
            public List<String> messages() {
                return copy;
            }

            @Override
            public List<String> replySurbs() {
                return surbs;
            }

            @Override
            public void delivered() {
                onDelivered.run();
            }

            @Override
            public void undelivered() {
                onUndelivered.run();
            }
        };
    }
}
