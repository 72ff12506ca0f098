package nym.sphinx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Loads the reference implementation's vectors (test resource {@code vectors/sphinx-reference.json}). */
final class ReferenceVectors {
    /** The set of the format we implement. */
    static final String SET = "sphinx_packet_0.1.0_ca107d9_2023";

    private static final JsonNode ROOT = load();

    private ReferenceVectors() {}

    static JsonNode set() {
        return ROOT.path("sets").path(SET);
    }

    static List<JsonNode> components(String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : set().path("components")) {
            if (kind.equals(c.path("kind").asText())) {
                out.add(c);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no component vectors of kind " + kind);
        }
        return out;
    }

    static List<JsonNode> packets() {
        List<JsonNode> out = new ArrayList<>();
        set().path("packets").forEach(out::add);
        return out;
    }

    static byte[] hex(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new IllegalStateException("vector lacks field " + field);
        }
        return HexFormat.of().parseHex(value.asText());
    }

    private static JsonNode load() {
        try (InputStream in = ReferenceVectors.class.getResourceAsStream("/vectors/sphinx-reference.json")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource vectors/sphinx-reference.json");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
