package nym.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WebSocketConfigTest {
    @Test
    void defaultsAreTheSeeds() {
        WebSocketConfig config = WebSocketConfig.defaults();
        assertEquals(9001, config.port());
        assertEquals(4 * 1024 * 1024, config.maxFrameBytes());
    }

    @Test
    void refusesValuesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> WebSocketConfig.ofPort(-1));
        assertThrows(IllegalArgumentException.class, () -> WebSocketConfig.ofPort(65_536));
        assertThrows(IllegalArgumentException.class, () -> new WebSocketConfig(0, 1023, 1));
        assertThrows(IllegalArgumentException.class, () -> new WebSocketConfig(0, 1024, 0));
    }

    @Test
    void refusesAFrameLimitBelowTheClientsMaximumMessage() {
        WebSocketConfig tooSmall = new WebSocketConfig(0, FakeClientPort.MAX_MESSAGE_BYTES - 1, 1);
        assertThrows(IllegalArgumentException.class, () -> WebSocketApiServer.start(tooSmall, new FakeClientPort()));
        assertThrows(IllegalArgumentException.class, () -> TcpApiServer.start(tooSmall, new FakeClientPort()));
    }
}
