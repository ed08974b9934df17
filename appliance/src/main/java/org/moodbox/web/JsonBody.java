package org.moodbox.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.OptionalLong;

/**
 * Reads the small JSON objects the pages post and says precisely what was wrong when they are not right,
 * with an example of the expected body (a client developer reads these messages, not a stack trace).
 */
public final class JsonBody {
    private final JsonNode root;
    private final String example;

    private JsonBody(JsonNode root, String example) {
        this.root = root;
        this.example = example;
    }

    public static JsonBody of(Context ctx, ObjectMapper json, String example) {
        String body = ctx.body();
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("request body is empty; send JSON like " + example);
        }
        JsonNode root = JsonInput.parse(json, body);
        if (root == null) {
            throw ApiException.badRequest("request body is not valid JSON (exactly one JSON value is expected); send JSON like " + example);
        }
        if (!root.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object like " + example);
        }
        return new JsonBody(root, example);
    }

    /** A whole number; JSON numbers and digit strings are both accepted ("42" comes from data attributes). */
    public long requiredLong(String field) {
        JsonNode node = required(field);
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            OptionalLong id = JsonInput.asciiId(node.textValue().trim());
            if (id.isPresent()) {
                return id.getAsLong();
            }
        }
        throw ApiException.badRequest("'" + field + "' must be a whole number, got " + node + "; send JSON like "
                + example);
    }

    public double requiredDouble(String field) {
        JsonNode node = required(field);
        if (!node.isNumber()) {
            throw ApiException.badRequest("'" + field + "' must be a number, got " + node + "; send JSON like "
                    + example);
        }
        return node.doubleValue();
    }

    public String requiredText(String field) {
        JsonNode node = required(field);
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw ApiException.badRequest("'" + field + "' must be a non-empty string; send JSON like " + example);
        }
        return node.textValue();
    }

    /** Text, or "" when absent or null: for forms whose empty fields get a per-field message, not a 400. */
    public String optionalText(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be a string; send JSON like " + example);
        }
        return node.textValue();
    }

    private JsonNode required(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw ApiException.badRequest("'" + field + "' is required; send JSON like " + example);
        }
        return node;
    }
}
