package nym.provider.store;

/**
 * A message waiting in an inbox.
 *
 * @param id the store's identifier, increasing in arrival order; the owner acknowledges by it
 * @param payload the Sphinx payload as the final hop left it (the client recovers the message)
 */
public record StoredMessage(long id, byte[] payload) {
    /** Copies the payload. */
    public StoredMessage {
        payload = payload.clone();
    }

    /** @return a copy of the payload */
    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
