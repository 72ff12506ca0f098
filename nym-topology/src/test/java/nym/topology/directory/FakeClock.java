package nym.topology.directory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when told to. Thread-safe. */
final class FakeClock implements InstantSource {
    static final Instant START = Instant.parse("2019-10-28T10:29:30.490299400Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    @Override
    public Instant instant() {
        return now.get();
    }

    void advance(Duration step) {
        now.updateAndGet(instant -> instant.plus(step));
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
