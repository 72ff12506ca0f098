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
        return start(name, interval, task, true);
    }

    /**
     * Runs {@code task} every {@code interval}, the first time after one interval (for a task the
     * caller has just run itself).
     *
     * @return the thread, to interrupt on shutdown
     */
    public static Thread everyAfter(String name, Duration interval, Task task) {
        return start(name, interval, task, false);
    }

    private static Thread start(String name, Duration interval, Task task, boolean runNow) {
        return Thread.ofPlatform().daemon().name(name).start(() -> {
            String lastFailure = null;
            if (!runNow && !pause(interval)) {
                return;
            }
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
                if (!pause(interval)) {
                    return;
                }
            }
        });
    }

    /** @return false if the thread was interrupted while waiting */
    private static boolean pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
