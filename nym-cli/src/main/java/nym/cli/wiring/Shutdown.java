package nym.cli.wiring;

import java.util.concurrent.CountDownLatch;

/**
 * Blocks the main thread until SIGINT/SIGTERM, then runs the cleanup once, so every launcher stops
 * cleanly the same way, and exits with status 0 (a clean stop, not the JVM's 128 + signal). A
 * command that ends on its own keeps its status ({@link #exitingWith}): a failure stays 1.
 */
public final class Shutdown {
    private static volatile int exitStatus;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);

    /** Registers the JVM shutdown hook that runs {@code cleanup}. */
    public Shutdown(Runnable cleanup) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            int status = 1;
            try {
                cleanup.run();
                status = exitStatus;
            } finally {
                cleanedUp.countDown();
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(status);
            }
        }, "shutdown"));
    }

    /** Records the status the launcher is about to exit with, so that the cleanup hook keeps it. */
    public static void exitingWith(int status) {
        exitStatus = status;
    }

    /** Waits until the JVM is asked to stop and the cleanup has run. */
    public void awaitStop() {
        try {
            stopped.await();
            cleanedUp.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
