package nym.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which handshakes' {@code Origin} the WebSocket accepts: no browser, or a page of this machine. */
class LocalOriginsTest {
    @Test
    void programsAndPagesOfThisMachineAreAllowed() {
        for (String origin : new String[] {null, "http://localhost", "https://localhost:3000", "HTTP://LocalHost:1",
                "http://127.0.0.1:8080", "http://127.5.6.7", "http://[::1]:9000", "file://"}) {
            assertTrue(LocalOrigins.isAllowed(origin, List.of()), String.valueOf(origin));
        }
    }

    @Test
    void otherSitesAndLookalikesAreRefused() {
        for (String origin : new String[] {"https://evil.example", "http://localhost.evil.example",
                "http://127.0.0.1.evil.example", "http://evil.example/127.0.0.1", "null", "http://128.0.0.1",
                "http://127.0.0.256", "http://127.0.0", "ftp://localhost", "http://[::2]", "http://[::ffff:8.8.8.8]",
                "not a url", "", "chrome-extension://abcdef"}) {
            assertFalse(LocalOrigins.isAllowed(origin, List.of()), origin);
        }
    }

    @Test
    void listedOriginsAreAllowedExactly() {
        List<String> listed = List.of("null", "https://app.example");
        assertTrue(LocalOrigins.isAllowed("null", listed));
        assertTrue(LocalOrigins.isAllowed("https://APP.example", listed));
        assertFalse(LocalOrigins.isAllowed("https://app.example.evil", listed));
        assertFalse(LocalOrigins.isAllowed("https://evil.example", listed));
    }
}
