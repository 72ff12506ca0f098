package nym.cli.wiring;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Makes a node started by {@code nym-testnet} exit when the testnet process is gone, even if it was
 * killed outright: the testnet passes its pid in {@value #PARENT_PID_VARIABLE}, and a daemon thread
 * checks every 100 ms that it is alive (once a second left the orphans' ports taken for a second or
 * two, and a testnet restarted at once failed on them). {@code nym-demo} passes its pid the same way
 * to the testnet and the clients it starts.
 */
public final class ParentWatchdog {
    /** The environment variable that carries the parent's pid. */
    public static final String PARENT_PID_VARIABLE = "NYM_TESTNET_PID";

    private static final System.Logger LOG = System.getLogger(ParentWatchdog.class.getName());
    private static final long CHECK_INTERVAL_MILLIS = 100;

    private ParentWatchdog() {}

    /** Starts watching if {@value #PARENT_PID_VARIABLE} is set; {@code onOrphaned} runs once if the parent dies. */
    public static void startIfRequested(Runnable onOrphaned) {
        String value = System.getenv(PARENT_PID_VARIABLE);
        if (value == null || value.isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            LOG.log(Level.WARNING, "ignoring " + PARENT_PID_VARIABLE + "=" + value + ": not a pid");
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        Thread.ofPlatform().daemon().name("parent-watchdog").start(() -> {
            while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(CHECK_INTERVAL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            LOG.log(Level.WARNING, "the parent process " + pid + " (" + PARENT_PID_VARIABLE + ") is gone; stopping");
            onOrphaned.run();
        });
    }
}
