package nym.provider.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import nym.provider.ProviderException;
import nym.sphinx.route.SurbId;

/** A stored delivery: SURB id ‖ payload, and the bare payloads providers stored before. */
class DeliveryTest {
    private static final int PAYLOAD = 1024;

    @Test
    void aDeliveryRoundTrips() throws Exception {
        byte[] id = new byte[SurbId.LENGTH];
        id[15] = 7;
        byte[] payload = new byte[PAYLOAD];
        payload[0] = 1;
        Delivery delivery = Delivery.fromBytes(new Delivery(SurbId.fromBytes(id), payload).toBytes(), PAYLOAD);
        assertTrue(delivery.isReply());
        assertArrayEquals(id, delivery.surbId().toByteArray());
        assertArrayEquals(payload, delivery.payload());
    }

    @Test
    void aBarePayloadIsAPlainDelivery() throws Exception {
        byte[] payload = new byte[PAYLOAD];
        payload[5] = 9;
        Delivery delivery = Delivery.fromBytes(payload, PAYLOAD);
        assertFalse(delivery.isReply());
        assertArrayEquals(payload, delivery.payload());
        assertEquals(SurbId.LENGTH + PAYLOAD, delivery.toBytes().length);
    }

    @Test
    void anyOtherLengthIsRefused() {
        ProviderException e = assertThrows(ProviderException.class, () -> Delivery.fromBytes(new byte[PAYLOAD + 1], PAYLOAD));
        assertEquals(ProviderException.Reason.MALFORMED, e.reason());
    }
}
