package nym.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.cli.config.ConfigException;

/**
 * A second run of the same instance is refused while the first holds the lock, and allowed once the
 * first has exited, even killed (the bug this pins: two {@code nym-client run --id bob} shared one
 * {@code received.db} and one inbox, with SQLITE_BUSY failures and fragments split between them).
 */
class InstanceLockTest {
    private static final String HOLDER = """
            import java.nio.channels.FileChannel;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;

            class Holder {
                public static void main(String[] args) throws Exception {
                    try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE)) {
                        channel.lock();
                        System.out.println("locked");
                        System.out.flush();
                        System.in.read();
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aSecondRunInThisProcessIsRefused() throws Exception {
        Path file = dir.resolve("data/client.lock");
        try (InstanceLock first = InstanceLock.acquire(file, "client 'alice'")) {
            ConfigException refused = assertThrows(ConfigException.class,
                    () -> InstanceLock.acquire(file, "client 'alice'"));
            assertEquals("client 'alice' is already running (" + file + " is locked); stop it first",
                    refused.getMessage());
        }
        InstanceLock.acquire(file, "client 'alice'").close();
    }

    @Test
    void aRunInAnotherProcessBlocksUntilThatProcessIsGone() throws Exception {
        Path file = dir.resolve("client.lock");
        Path holder = Files.writeString(dir.resolve("Holder.java"), HOLDER);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process other = new ProcessBuilder(java, holder.toString(), file.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(other.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("locked", output.readLine());
            assertThrows(ConfigException.class, () -> InstanceLock.acquire(file, "client 'alice'"));
        } finally {
            other.destroyForcibly(); // SIGKILL: the OS releases its lock
            other.waitFor(30, TimeUnit.SECONDS);
        }
        InstanceLock.acquire(file, "client 'alice'").close(); // the lock file left behind does not block
    }
}
