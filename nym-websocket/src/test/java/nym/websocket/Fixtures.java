package nym.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the JSON fixtures in {@code src/test/resources/fixtures/}. */
public final class Fixtures {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    /** @return the cases of fixture {@code name} (its {@code "cases"} array) */
    public static JsonNode cases(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return JSON.readTree(in).get("cases");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the request text of {@code testCase}: its {@code request} string, or its object written compactly */
    public static String request(JsonNode testCase) {
        JsonNode request = testCase.get("request");
        return request.isTextual() ? request.textValue() : request.toString();
    }

    /** @return {@code json} parsed */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
