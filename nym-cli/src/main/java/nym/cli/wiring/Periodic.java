package nym.cli.wiring;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;

/** Runs a task at a fixed interval on a daemon thread, logging failures (once per new message). */
public final class Periodic {
    /** A task that may fail. */
    @FunctionalInterface
    public interface Task {
        /** Runs once. */
        void run() throws Exception;
    }

    private static final System.Logger LOG = System.getLogger(Periodic.class.getName());

    private Periodic() {}

    /**
     * Runs {@code task} now and then every {@code interval} until the thread is interrupted.
     *
     * @return the thread, to interrupt on shutdown
     */
    public static Thread every(String name, Duration interval, Task task) {
        return Thread.ofPlatform().daemon().name(name).start(() -> {
            String lastFailure = null;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    task.run();
                    if (lastFailure != null) {
                        LOG.log(Level.INFO, name + " works again");
                        lastFailure = null;
                    }
                } catch (Exception e) {
                    if (!Objects.equals(e.getMessage(), lastFailure)) {
                        LOG.log(Level.WARNING, name + " failed: " + e.getMessage());
                        lastFailure = e.getMessage();
                    }
                }
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }
}
