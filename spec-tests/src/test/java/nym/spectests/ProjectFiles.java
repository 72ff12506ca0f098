package nym.spectests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's root from the test's working directory. */
final class ProjectFiles {
    private ProjectFiles() {}

    static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("nym-sphinx/pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new AssertionError("project root not found above " + System.getProperty("user.dir"));
    }
}
