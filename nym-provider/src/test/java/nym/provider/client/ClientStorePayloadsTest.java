package nym.provider.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.provider.store.Inboxes;
import nym.provider.store.StoredMessage;

/** Reading back chosen stored payloads, as the client does for fragments that waited for room. */
class ClientStorePayloadsTest {
    @Test
    void chosenPayloadsComeOldestFirstAndDeletedOnesAreLeftOut(@TempDir Path dir) throws Exception {
        try (ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"))) {
            long first = store.storePayload("provider", 1, new byte[] {1}).orElseThrow();
            long second = store.storePayload("provider", 2, new byte[] {2}).orElseThrow();
            long third = store.storePayload("provider", 3, new byte[] {3}).orElseThrow();
            store.deletePayloads(List.of(second));

            assertEquals(List.of(first, third), store.payloadIds());
            List<StoredMessage> read = store.payloads(List.of(third, second, first, 999L));
            assertEquals(List.of(first, third), read.stream().map(StoredMessage::id).toList());
            assertArrayEquals(new byte[] {1}, read.get(0).payload());
            assertArrayEquals(new byte[] {3}, read.get(1).payload());
            assertEquals(List.of(), store.payloads(List.of()));
        }
    }
}
