package nym.topology;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostsTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:1789", "52.56.99.196:1", "0.0.0.0:65535", "[::1]:8080", "[2001:db8::7]:9000"})
    void acceptsIpAndPort(String host) {
        assertTrue(Hosts.isIpPort(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "127.0.0.1", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:65536", "256.0.0.1:80",
            "1.2.3:80", "1.2.3.4.5:80", "localhost:80", "example.com:80", "::1:80", "[::1]", "[abc]:80",
            "1.2.3.4:8a", "1.2.3.4:-1", " 1.2.3.4:80", "[zz::1]:80"})
    void refusesAnythingElse(String host) {
        assertFalse(Hosts.isIpPort(host));
    }
}
