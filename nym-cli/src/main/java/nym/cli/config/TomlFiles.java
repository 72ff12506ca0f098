package nym.cli.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/**
 * Reads and writes the TOML config files. Reading is strict: an unknown key, a missing key or a
 * value of the wrong type is a {@link ConfigException} whose one line names the file and the key.
 */
public final class TomlFiles {
    private static final TomlMapper MAPPER = TomlMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    /**
     * Sections a file written by an earlier build may lack, by the file's type, and what they read
     * as then: the section's defaults.
     */
    private static final Map<Class<?>, Map<String, Object>> SECTIONS_ADDED_LATER = Map.of(
            MixNodeConfigFile.class, Map.of("key_rotation", KeyRotationSection.DEFAULT),
            ProviderConfigFile.class, Map.of("key_rotation", KeyRotationSection.DEFAULT));

    private TomlFiles() {}

    /** @return the file's content as {@code type} */
    public static <T> T read(Path file, Class<T> type) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("no config file at " + file + " (run init first)");
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            Map<String, Object> addedLater = SECTIONS_ADDED_LATER.getOrDefault(type, Map.of());
            if (addedLater.isEmpty()) {
                return MAPPER.readValue(text, type);
            }
            JsonNode tree = MAPPER.readTree(text);
            if (tree instanceof ObjectNode sections) {
                addedLater.forEach((name, value) -> {
                    if (!sections.has(name)) {
                        sections.set(name, MAPPER.valueToTree(value));
                    }
                });
            }
            return MAPPER.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + ": unknown key '" + path(e) + "'", e);
        } catch (InvalidFormatException e) {
            throw new ConfigException(file + ": bad value for '" + path(e) + "': " + e.getValue(), e);
        } catch (MismatchedInputException e) {
            throw new ConfigException(file + ": missing or mistyped key '" + path(e) + "'", e);
        } catch (JacksonException e) {
            String reason = e.getOriginalMessage() == null ? "invalid TOML" : e.getOriginalMessage().lines().findFirst()
                    .orElse("invalid TOML");
            throw new ConfigException(file + ": " + reason, e);
        }
    }

    /**
     * Writes {@code value} as TOML, after {@code header} comment lines, atomically, with comments.
     *
     * @param comments the comment lines (with their {@code #}) to write before a section, by its name
     *     ({@code "socket"}, followed by an empty line), or before a key, by section and key
     *     ({@code "socket.socket_type"}, after an empty line)
     */
    public static void write(Path file, String header, Object value, Map<String, String> comments)
            throws ConfigException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "config", ".tmp");
            Files.writeString(temp, header + sections(MAPPER.valueToTree(value), comments), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ConfigException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a two-level record as TOML tables, {@code [section]} then {@code key = value}, the way the
     * seed shows config files (Jackson's writer would use dotted keys).
     */
    private static String sections(JsonNode root, Map<String, String> comments) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, JsonNode> section : root.properties()) {
            String name = section.getKey();
            if (comments.containsKey(name)) {
                out.append(comments.get(name)).append("\n\n");
            }
            out.append("[").append(name).append("]\n");
            for (Map.Entry<String, JsonNode> entry : section.getValue().properties()) {
                JsonNode value = entry.getValue();
                String comment = comments.get(name + "." + entry.getKey());
                if (comment != null) {
                    out.append("\n").append(comment).append("\n");
                }
                out.append(entry.getKey()).append(" = ")
                        .append(value.isTextual() ? quote(value.asText()) : value.toString()).append("\n");
            }
            out.append("\n");
        }
        return out.toString();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String path(MismatchedInputException e) {
        StringBuilder out = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return out.toString();
    }
}
