package nym.websocket.internal;

import com.fasterxml.jackson.databind.JsonNode;

import nym.websocket.Fixtures;

/** Checks a response against one case of {@code fixtures/error-cases.json}. */
public final class ErrorCases {
    private ErrorCases() {}

    /** @return why {@code response} does not answer {@code testCase}, or null if it does */
    public static String check(JsonNode testCase, String response) {
        String comment = testCase.get("comment").textValue();
        if (response.contains("\n")) {
            return comment + ": response is not one line: " + response;
        }
        JsonNode json = Fixtures.parse(response);
        if (json.size() != 2 || !"error".equals(json.path("type").textValue()) || !json.path("message").isTextual()) {
            return comment + ": not an error response: " + response;
        }
        String message = json.get("message").textValue();
        boolean ok = testCase.has("error")
                ? message.equals(testCase.get("error").textValue())
                : message.startsWith(testCase.get("error_prefix").textValue());
        return ok ? null : comment + ": unexpected error message: " + message;
    }
}
