package nym.provider.client;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import nym.provider.ProviderException;
import nym.provider.store.StoredMessage;

/**
 * A client's durable local state of what it received: payloads pulled from its provider (kept
 * until the message they belong to is complete) and complete messages (kept until an application
 * fetches them). The client stores a pulled payload before it acknowledges it at the provider, so
 * a crash anywhere loses nothing.
 *
 * <p>Implementations are thread-safe; every method is one transaction.
 */
public interface ClientMessageStore extends AutoCloseable {
    /**
     * Stores a pulled payload durably, unless it was stored before: a provider's message ids only
     * grow, so an id at or below the last one stored from {@code origin} is a redelivery (after a
     * crash between storing and acknowledging) and is skipped.
     *
     * @param origin the provider it came from (its public key)
     * @param originId the provider's id of the message
     * @return the payload's local id, or empty for a redelivery
     */
    OptionalLong storePayload(String origin, long originId, byte[] payload) throws ProviderException;

    /** @return every stored payload, oldest first (to rebuild partial messages after a restart) */
    List<StoredMessage> payloads() throws ProviderException;

    /** @return the local ids of every stored payload, oldest first */
    List<Long> payloadIds() throws ProviderException;

    /**
     * @param ids local ids of stored payloads
     * @return those of them still stored, oldest first (to hand on payloads that had to wait)
     */
    List<StoredMessage> payloads(Collection<Long> ids) throws ProviderException;

    /** Deletes payloads that carry nothing for the application (cover, garbage). */
    void deletePayloads(Collection<Long> ids) throws ProviderException;

    /** Stores a complete message and deletes the payloads it was made of, atomically. */
    default void completeMessage(byte[] message, Collection<Long> payloadIds) throws ProviderException {
        completeMessage(message, null, payloadIds);
    }

    /**
     * Stores a complete message with the SURB its sender attached for a reply (null if none) and
     * deletes the payloads it was made of, atomically.
     */
    void completeMessage(byte[] message, byte[] replySurb, Collection<Long> payloadIds) throws ProviderException;

    /**
     * @param max the most messages to return
     * @param maxBytes the most message bytes to return (at least one message is returned if any waits)
     * @param exclude ids not to return (messages already handed out and not yet confirmed)
     * @return complete messages, oldest first, without deleting them
     */
    List<ReceivedMessage> peekMessages(int max, long maxBytes, Set<Long> exclude) throws ProviderException;

    /**
     * Keeps the keys of a SURB this client handed out, until a reply through it arrives.
     *
     * @param surbId the SURB's identifier (16 bytes)
     * @param keys the encoded decryption keys (secret)
     */
    void saveReplyKeys(byte[] surbId, byte[] keys) throws ProviderException;

    /** @return the encoded keys of the SURB {@code surbId}, if this client handed it out and no reply used them */
    Optional<byte[]> replyKeys(byte[] surbId) throws ProviderException;

    /**
     * Stores the reply that used the SURB {@code surbId} as a complete message, deletes the payload it
     * came in and forgets the SURB's keys (a SURB carries one reply), atomically.
     */
    void completeReply(byte[] message, byte[] surbId, long payloadId) throws ProviderException;

    /** Forgets the keys of the SURB {@code surbId}, which was not sent after all. */
    void forgetReplyKeys(byte[] surbId) throws ProviderException;

    /** Forgets the keys of SURBs handed out before {@code cutoffMillis} (Unix ms): their replies are not coming. */
    int forgetReplyKeysBefore(long cutoffMillis) throws ProviderException;

    /**
     * Notes that this client replied through the SURB with this digest, unless it had already.
     *
     * @return false if it had: a SURB carries one reply
     */
    boolean markSurbUsed(byte[] digest) throws ProviderException;

    /** Takes back {@link #markSurbUsed}: the reply through that SURB was not sent after all. */
    void unmarkSurbUsed(byte[] digest) throws ProviderException;

    /** Forgets the SURBs used before {@code cutoffMillis} (Unix ms); their makers forgot the keys by then. */
    void forgetUsedSurbsBefore(long cutoffMillis) throws ProviderException;

    /** Deletes complete messages once the application has them. */
    void deleteMessages(Collection<Long> ids) throws ProviderException;

    /** @return complete messages waiting to be fetched */
    long messageCount() throws ProviderException;

    /**
     * Copies what this store received, the payloads and the complete messages (with the SURBs they
     * came with) and the providers' last ids, into a new store at {@code file}, committed before it
     * returns. The keys of this client's SURBs and the SURBs it replied through are not copied: the
     * copy keeps an earlier identity's messages ({@code nym-client init --force}), and those secrets
     * are of no use to anyone reading it.
     *
     * @param file where the copy goes, which must not exist; it is created readable by its owner only
     * @throws ProviderException with {@code STORAGE} if {@code file} exists (left as it is) or the copy
     *     fails (a file left half-written is the caller's to delete)
     */
    void copyReceivedTo(Path file) throws ProviderException;

    /**
     * Empties the store for a new identity of the same client, in one transaction: deletes the
     * payloads, the messages, the providers' last ids (a new identity's inbox numbers anew) and the
     * keys of the SURBs this client handed out (replies through them go to the earlier identity's
     * address, which nobody can pull from any more). Keeps the SURBs the client replied through: the
     * applications may still hold them, and a SURB carries one reply whoever's client sends it. Then
     * rewrites the file and empties the write-ahead log, so nothing deleted stays readable in them
     * (best effort, logged if it fails: the rows are deleted by then).
     *
     * @throws ProviderException with {@code STORAGE} if the deletion fails; then nothing was deleted
     */
    void clearForNewIdentity() throws ProviderException;

    @Override
    void close() throws ProviderException;
}
