package nym.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's config.toml as init writes it: the seed's [socket] section, comments, and read back unchanged. */
class ClientConfigFileTest {
    private static final ClientConfigFile CONFIG = new ClientConfigFile(
            new ClientConfigFile.Client("alice", "http://127.0.0.1:8080", "/h/.nym/clients/alice/data/private_identity.pem",
                    "/h/.nym/clients/alice/data/public_identity.pem", "BfsNG1WGzLYNQwmSoZas969KFnXyKY9pbsQqSDmZWdyQ",
                    "9XSGi1vR1Xy1HbSaPKNzwQ8gqLgqbDDVudYFr5Khi2xq", "/h/.nym"),
            ClientConfigFile.Socket.DEFAULT, new ClientConfigFile.Logging(), ClientConfigFile.Debug.DEFAULT);

    @Test
    void theSocketSectionReadsAsTheSeedShowsItAndTheFileReadsBackTheSame(@TempDir Path dir) throws Exception {
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
        assertEquals(CONFIG, TomlFiles.read(file, ClientConfigFile.class), "comments change nothing that is read");
    }

    @Test
    void everyKeyIsExplained(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.toml");
        TomlFiles.write(file, ClientConfigFile.HEADER, CONFIG, ClientConfigFile.COMMENTS);
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean key = line.contains(" = ");
            if (key && !line.startsWith("public_identity_key_file")) { // explained with the private key, above it
                assertTrue(lines.get(i - 1).startsWith("#"), "no comment above " + line + "\n" + String.join("\n", lines));
            }
        }
    }
}
