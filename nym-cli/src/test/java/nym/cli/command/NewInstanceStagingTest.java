package nym.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.cli.config.ConfigException;
import nym.crypto.keys.KeyPem;

/**
 * An init writes its key files and config.toml so that no failure or kill leaves a mix of two
 * identities that a run would start: all three are staged first, then renamed, and a run refuses
 * while staged files are left.
 */
class NewInstanceStagingTest {
    private static final String INIT = "nym-client init --id alice";

    private static NewInstance instance(Path config, Path data) {
        return NewInstance.at(config, data.resolve("private_identity.pem"), data.resolve("public_identity.pem"));
    }

    private static String publicKey(NewInstance instance) throws Exception {
        return KeyPem.readX25519Public(instance.publicKey()).toBase58();
    }

    /** @return a second init of an initialised instance, killed after its first rename (a new private key, the rest old) */
    private static NewInstance killedAfterItsFirstRename(Path config, Path data) throws Exception {
        initialise(instance(config, data), "first");
        NewInstance killed = instance(config, data);
        killed.stage("# header\n", Map.of("client", Map.of("marker", "killed")), Map.of());
        Files.move(data.resolve("private_identity.pem" + NewInstance.STAGED), killed.privateKey(),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return killed;
    }

    private static void initialise(NewInstance instance, String marker) throws Exception {
        instance.stage("# header\n", Map.of("client", Map.of("marker", marker)), Map.of());
        instance.commit();
    }

    @Test
    void stagedFilesChangeNothingUntilTheCommitRenamesAllThree(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config/config.toml");
        Path data = dir.resolve("data");
        NewInstance old = instance(config, data);
        initialise(old, "old");
        NewInstance next = instance(config, data);

        next.stage("# header\n", Map.of("client", Map.of("marker", "new")), Map.of());
        assertEquals(old.keys().publicKey().toBase58(), publicKey(next), "the instance's own key files are unchanged");
        assertTrue(Files.readString(config).contains("old"));
        ConfigException refused = assertThrows(ConfigException.class, () -> NewInstance.checkFinished(config, data, INIT));
        assertTrue(refused.getMessage().startsWith("an earlier `" + INIT + "` did not finish"), refused.getMessage());

        next.commit();
        assertEquals(next.keys().publicKey().toBase58(), publicKey(next));
        assertEquals(next.keys().privateKey().publicKey().toBase58(),
                KeyPem.readX25519Private(next.privateKey()).publicKey().toBase58(), "a matching pair");
        assertTrue(Files.readString(config).contains("new"));
        NewInstance.checkFinished(config, data, INIT);
        try (var files = Files.list(data)) {
            assertFalse(files.anyMatch(f -> f.toString().endsWith(NewInstance.STAGED)), "nothing staged is left");
        }
    }

    @Test
    void aFailureWhileStagingLeavesTheOldFilesAndNothingStaged(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        NewInstance old = instance(dir.resolve("config/config.toml"), data);
        initialise(old, "old");
        // config.toml cannot be written under a folder that is a file: the keys were staged by then.
        Files.writeString(dir.resolve("blocked"), "a file");
        Path unwritable = dir.resolve("blocked/config.toml");
        NewInstance next = instance(unwritable, data);

        assertThrows(ConfigException.class,
                () -> next.stage("# header\n", Map.of("client", Map.of("marker", "new")), Map.of()));
        assertEquals(old.keys().publicKey().toBase58(), publicKey(old));
        NewInstance.checkFinished(dir.resolve("config/config.toml"), data, INIT);
    }

    @Test
    void aFailedInitAfterAKilledOneLeavesRunRefusing(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config/config.toml");
        Path data = dir.resolve("data");
        NewInstance killed = killedAfterItsFirstRename(config, data);

        // The next init stages its own files, then fails (its registration, or the store's handover).
        NewInstance failed = instance(config, data);
        failed.stage("# header\n", Map.of("client", Map.of("marker", "failed")), Map.of());
        failed.discardStaged(new Exception("registration failed"));
        assertThrows(ConfigException.class, () -> NewInstance.checkFinished(config, data, INIT),
                "the instance still holds keys of two identities");

        // And one whose staging fails.
        Files.writeString(dir.resolve("blocked"), "a file");
        NewInstance unwritable = NewInstance.at(dir.resolve("blocked/config.toml"), killed.privateKey(),
                killed.publicKey());
        assertThrows(ConfigException.class,
                () -> unwritable.stage("# header\n", Map.of("client", Map.of("marker", "x")), Map.of()));
        assertThrows(ConfigException.class, () -> NewInstance.checkFinished(config, data, INIT));
    }

    @Test
    void whatAnInitKilledBetweenItsRenamesLeftStopsARunAndTheNextInitReplacesIt(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config/config.toml");
        Path data = dir.resolve("data");
        killedAfterItsFirstRename(config, data);

        ConfigException refused = assertThrows(ConfigException.class, () -> NewInstance.checkFinished(config, data, INIT));
        assertTrue(refused.getMessage().contains("public_identity.pem" + NewInstance.STAGED)
                || refused.getMessage().contains("config.toml" + NewInstance.STAGED), refused.getMessage());

        Files.writeString(data.resolve("private_older.pem" + NewInstance.STAGED), "staged under another name");
        NewInstance again = instance(config, data);
        initialise(again, "again");
        NewInstance.checkFinished(config, data, INIT);
        assertEquals(again.keys().publicKey().toBase58(), publicKey(again));
        assertEquals(again.keys().publicKey().toBase58(),
                KeyPem.readX25519Private(again.privateKey()).publicKey().toBase58(), "a matching pair again");
        assertTrue(Files.readString(config).contains("again"));
    }
}
