package nym.websocket.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nym.websocket.internal.json.Request;

/**
 * Turns the text of one request into a {@link Request}, or a {@link RequestException} whose message
 * says what is wrong. Strict JSON: no comments, no trailing content, no duplicate keys. Fields the
 * seed does not define are ignored, so a client may add its own (for example a request id).
 *
 * <p>Thread-safe and stateless.
 */
final class RequestParser {
    static final String TYPES = "send, fetch, getClients, ownDetails, subscribe or reply";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    Request parse(String text) throws RequestException {
        JsonNode root = readTree(text);
        if (root == null || root.isMissingNode()) {
            throw new RequestException("empty request: expected a JSON object with a \"type\"");
        }
        if (!root.isObject()) {
            throw new RequestException("request must be a JSON object, got " + describe(root));
        }
        String type = stringField(root, "type");
        return switch (type) {
            case "send" -> new Request.Send(stringField(root, "message"), stringField(root, "recipient_address"),
                    optionalBoolean(root, "with_reply_surb"));
            case "reply" -> new Request.Reply(stringField(root, "message"), stringField(root, "reply_surb"));
            case "fetch" -> new Request.Fetch();
            case "getClients" -> new Request.GetClients();
            case "ownDetails" -> new Request.OwnDetails();
            case "subscribe" -> new Request.Subscribe();
            default -> throw new RequestException("unknown request type \"" + type + "\": expected " + TYPES);
        };
    }

    private static JsonNode readTree(String text) throws RequestException {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new RequestException("malformed JSON: " + e.getOriginalMessage() + where);
        }
    }

    private static String stringField(JsonNode request, String name) throws RequestException {
        JsonNode value = request.get(name);
        if (value == null) {
            throw new RequestException("missing field \"" + name + "\"");
        }
        if (!value.isTextual()) {
            throw new RequestException("field \"" + name + "\" must be a string, got " + describe(value));
        }
        return value.textValue();
    }

    /** @return the field's value, or false if it is absent or null */
    private static boolean optionalBoolean(JsonNode request, String name) throws RequestException {
        JsonNode value = request.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new RequestException("field \"" + name + "\" must be a boolean, got " + describe(value));
        }
        return value.booleanValue();
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case STRING -> "a string";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
