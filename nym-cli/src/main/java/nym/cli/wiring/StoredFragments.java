package nym.cli.wiring;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import nym.provider.ProviderException;
import nym.provider.client.ClientMessageStore;
import nym.provider.client.Delivery;
import nym.provider.store.StoredMessage;
import nym.sphinx.PacketPayload;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.fragment.Fragment;
import nym.sphinx.fragment.FragmentException;

/**
 * Puts a complete message together from its fragments in the client's store, where they wait
 * while the message is incomplete (the reassembler knows them only by their local ids).
 */
final class StoredFragments {
    private StoredFragments() {}

    /**
     * @param ids the local ids of the message's fragments, in message order
     * @param capacity the most bytes of one fragment, to size the message once
     * @return the message: the fragments' data, in order
     * @throws ProviderException with {@code STORAGE} if a fragment is no longer stored or no longer reads
     */
    static byte[] join(ClientMessageStore store, SphinxGeometry geometry, long[] ids, int capacity)
            throws ProviderException {
        Map<Long, byte[]> stored = new HashMap<>();
        for (StoredMessage payload : store.payloads(Arrays.stream(ids).boxed().toList())) {
            stored.put(payload.id(), payload.payload());
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream(ids.length * capacity);
        for (long id : ids) {
            byte[] payload = stored.get(id);
            if (payload == null) {
                throw new ProviderException(ProviderException.Reason.STORAGE, "fragment " + id
                        + " of a complete message is no longer stored");
            }
            try {
                byte[] bytes = PacketPayload.fromBytes(Delivery.fromBytes(payload, geometry.payloadLength()).payload())
                        .recoverMessage();
                message.writeBytes(Fragment.fromBytes(bytes).data());
            } catch (SphinxException | FragmentException e) {
                throw new ProviderException(ProviderException.Reason.STORAGE, "fragment " + id
                        + " of a complete message no longer reads: " + e.getMessage(), e);
            }
        }
        return message.toByteArray();
    }
}
