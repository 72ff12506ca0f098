package nym.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads a known-answer file {@code src/test/resources/vectors/<name>} and checks all its cases in
 * one sweep, collecting the ids of every failing case before asserting (STYLE rule 25).
 *
 * <p>Each case has an {@code id}, a {@code comment}, a {@code result} of {@code valid} or
 * {@code invalid}, and for invalid cases optionally the expected {@code reason}. A valid case
 * passes if its check returns; an invalid case passes only if its check throws a
 * {@link CryptoException} with that reason.
 */
public final class Vectors {
    /** The check of one case; it throws an {@link AssertionError} or {@link CryptoException} to fail. */
    @FunctionalInterface
    public interface CaseCheck {
        void check(JsonNode testCase) throws Exception;
    }

    private Vectors() {}

    /** Runs {@code check} on every case of {@code file} and asserts that none failed. */
    public static void sweep(String file, CaseCheck check) {
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (JsonNode testCase : load(file).path("cases")) {
            count++;
            String id = testCase.path("id").asText("#" + count);
            String problem = describeFailure(testCase, check);
            if (problem != null) {
                failures.add(id + ": " + problem);
            }
        }
        assertFalse(count == 0, file + " has no cases");
        assertEquals(List.of(), failures, file + ": failing cases");
    }

    /** @return the bytes of the hex string in {@code field}, which must be present */
    public static byte[] hex(JsonNode testCase, String field) {
        JsonNode value = testCase.get(field);
        if (value == null) {
            throw new IllegalStateException("vector lacks field " + field);
        }
        return HexFormat.of().parseHex(value.asText());
    }

    private static String describeFailure(JsonNode testCase, CaseCheck check) {
        if (testCase.path("comment").asText().isBlank()) {
            return "has no comment";
        }
        String result = testCase.path("result").asText();
        if (!result.equals("valid") && !result.equals("invalid")) {
            return "result must be valid or invalid, is '" + result + "'";
        }
        boolean valid = result.equals("valid");
        try {
            check.check(testCase);
            return valid ? null : "invalid case was accepted";
        } catch (CryptoException e) {
            String expected = testCase.path("reason").asText(e.reason().name());
            if (valid) {
                return "valid case refused: " + e;
            }
            return expected.equals(e.reason().name()) ? null : "expected " + expected + ", got " + e;
        } catch (Exception | AssertionError e) {
            return e.toString();
        }
    }

    private static JsonNode load(String file) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource vectors/" + file);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
