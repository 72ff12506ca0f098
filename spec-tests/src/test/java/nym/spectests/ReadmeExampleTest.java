package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The README's nym-sphinx example compiles, runs, and is the code the README shows. */
class ReadmeExampleTest {
    @Test
    void exampleDeliversTheMessage() throws Exception {
        assertEquals("hello bob", SphinxUsageExample.run());
    }

    @Test
    void readmeShowsTheTestedExample() throws IOException {
        Path root = ProjectFiles.root();
        String source = Files.readString(root.resolve(
                "spec-tests/src/test/java/nym/spectests/SphinxUsageExample.java"));
        List<String> tested = between(source.lines().toList(), "// example-start", "// example-end");
        List<String> readme = between(Files.readAllLines(root.resolve("README.md")),
                "<!-- example: SphinxUsageExample -->", "```");
        assertTrue(tested.size() > 10, "example markers not found in the source");
        assertEquals(strip(tested), strip(readme.subList(1, readme.size())),
                "README.md must show the code between the example markers of SphinxUsageExample.java");
    }

    private static List<String> between(List<String> lines, String start, String end) {
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (from < 0 && lines.get(i).trim().equals(start)) {
                from = i + 1;
            } else if (from >= 0 && lines.get(i).trim().startsWith(end) && i > from) {
                return lines.subList(from, i);
            }
        }
        throw new AssertionError("no block between '" + start + "' and '" + end + "'");
    }

    private static List<String> strip(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing()).toList();
    }
}
