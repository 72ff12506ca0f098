package nym.sphinx.fragment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import nym.sphinx.SphinxGeometry;

/**
 * Expiry counts from a message's latest fragment: a 1 MiB message whose fragments arrive one per
 * 500 ms (the client's default sending rate) takes about 9 minutes, longer than the 5-minute expiry
 * of one set, and must still complete.
 */
class LongMessageExpiryTest {
    @Test
    void aSlowOneMebibyteMessageCompletes() throws Exception {
        byte[] message = new byte[1 << 20];
        new SplittableRandom(1).nextBytes(message);
        List<Fragment> fragments = MessageSplitter.forGeometry(SphinxGeometry.DEFAULT, new SplittableRandom(2))
                .split(message);
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        InstantSource clock = () -> now[0];
        MessageReassembler reassembler = MessageReassembler.builder(clock).build();

        Optional<byte[]> complete = Optional.empty();
        for (Fragment fragment : fragments) {
            now[0] = now[0].plus(Duration.ofMillis(500));
            complete = reassembler.accept(fragment);
        }
        assertTrue(Duration.ofMillis(500L * fragments.size()).compareTo(Duration.ofMinutes(5)) > 0,
                "the message takes longer than one set's expiry");
        assertArrayEquals(message, complete.orElseThrow());
    }
}
