package nym.traffic;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline (tests never sleep for a fixed time). */
public final class Await {
    private static final long POLL_NANOS = 5_000_000;

    private Await() {}

    /** Polls {@code condition} until it holds or {@code timeout} passes, then fails with {@code what}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            // Poll interval between checks, not a fixed wait: the loop ends as soon as the condition holds.
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
