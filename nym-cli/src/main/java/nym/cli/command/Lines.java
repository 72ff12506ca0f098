package nym.cli.command;

import java.io.IOException;
import java.time.Duration;

import nym.cli.wiring.ChildProcesses;

/** Waiting for a line in a child's log. */
final class Lines {
    private Lines() {}

    /**
     * @return the first line this child wrote that contains {@code marker}, once it appears (an
     *     earlier run's line in the same log does not count)
     */
    static String await(ChildProcesses.Child child, String marker, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : child.lines()) {
                if (line.contains(marker)) {
                    return line;
                }
            }
            if (!child.process().isAlive()) {
                throw new IOException(child.name() + " exited: " + child.lastLine());
            }
            Thread.sleep(100);
        }
        throw new IOException(child.name() + " did not print '" + marker + "' within " + timeout.toSeconds() + " s");
    }
}
