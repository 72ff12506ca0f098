package nym.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config.toml files as init writes them: the client's [socket] section as the seed shows it, a
 * comment above every key, and read back unchanged.
 */
class ConfigFilesTest {
    private static final ClientConfigFile CONFIG = new ClientConfigFile(
            new ClientConfigFile.Client("alice", "http://127.0.0.1:8080", "/h/.nym/clients/alice/data/private_identity.pem",
                    "/h/.nym/clients/alice/data/public_identity.pem", "BfsNG1WGzLYNQwmSoZas969KFnXyKY9pbsQqSDmZWdyQ",
                    "9XSGi1vR1Xy1HbSaPKNzwQ8gqLgqbDDVudYFr5Khi2xq", "/h/.nym"),
            ClientConfigFile.Socket.DEFAULT, new ClientConfigFile.Logging(), ClientConfigFile.Debug.DEFAULT);
    private static final MixNodeConfigFile MIXNODE = new MixNodeConfigFile(new MixNodeConfigFile.Mixnode("mix1", 2,
            "127.0.0.1:1789", "127.0.0.1:1789", "http://127.0.0.1:8080", "/h/private_sphinx.pem", "/h/public_sphinx.pem"),
            KeyRotationSection.DEFAULT, MixNodeConfigFile.Debug.DEFAULT);
    private static final ProviderConfigFile PROVIDER = new ProviderConfigFile(new ProviderConfigFile.Provider("p1",
            "127.0.0.1:1790", "127.0.0.1:9000", "http://127.0.0.1:8080", "/h/private_sphinx.pem", "/h/public_sphinx.pem",
            "/h/inboxes.db"), KeyRotationSection.DEFAULT, ProviderConfigFile.Debug.DEFAULT);

    @Test
    void theClientsSocketSectionReadsAsTheSeedShowsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.toml");
        TomlFiles.write(file, ClientConfigFile.HEADER, CONFIG, ClientConfigFile.COMMENTS);
        String text = Files.readString(file);

        String seed = """
                ##### socket config options #####

                [socket]

                # allowed values are 'TCP', 'WebSocket' or 'None'
                socket_type = "WebSocket"

                # if applicable (for the case of 'TCP' or 'WebSocket'), the port on which the client
                # will be listening for incoming requests
                listening_port = 9001
                """;
        assertTrue(text.contains(seed), text);
        assertTrue(text.startsWith(ClientConfigFile.HEADER), text);
    }

    @Test
    void everyKeyIsExplainedAndReadsBack(@TempDir Path dir) throws Exception {
        assertExplained(dir.resolve("client.toml"), ClientConfigFile.HEADER, CONFIG, ClientConfigFile.COMMENTS);
        assertExplained(dir.resolve("mixnode.toml"), MixNodeConfigFile.HEADER, MIXNODE, MixNodeConfigFile.COMMENTS);
        assertExplained(dir.resolve("provider.toml"), ProviderConfigFile.HEADER, PROVIDER, ProviderConfigFile.COMMENTS);
    }

    private static void assertExplained(Path file, String header, Object config, java.util.Map<String, String> comments)
            throws Exception {
        TomlFiles.write(file, header, config, comments);
        assertEquals(config, TomlFiles.read(file, config.getClass()), "comments change nothing that is read");
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean key = line.contains(" = ");
            if (key && !line.startsWith("public_")) { // explained with the private key, above it
                assertTrue(lines.get(i - 1).startsWith("#"), "no comment above " + line + "\n" + String.join("\n", lines));
            }
        }
    }
}
