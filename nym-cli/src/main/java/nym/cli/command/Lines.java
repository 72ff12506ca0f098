package nym.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import nym.cli.wiring.ChildProcesses;

/** Waiting for a line in a child's log. */
final class Lines {
    private Lines() {}

    /** @return the first line of the child's log that contains {@code marker}, once it appears */
    static String await(ChildProcesses.Child child, String marker, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(child.log())) {
                for (String line : Files.readAllLines(child.log())) {
                    if (line.contains(marker)) {
                        return line;
                    }
                }
            }
            if (!child.process().isAlive()) {
                throw new IOException(child.name() + " exited: " + ChildProcesses.lastLine(child.log()));
            }
            Thread.sleep(100);
        }
        throw new IOException(child.name() + " did not print '" + marker + "' within " + timeout.toSeconds() + " s");
    }
}
