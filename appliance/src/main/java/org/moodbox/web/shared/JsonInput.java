package org.moodbox.web.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The checks every posted JSON document and every id passes, in one place: exactly one JSON value (the shared
 * mapper fails on trailing tokens, so {@code {"volumeCap":0.5}{"x":1}} is refused), no lone UTF-16 surrogate
 * in any text (it would be stored as "?"), and ids of ASCII digits only (Java's parser also reads Arabic-Indic
 * and other Unicode digits, so {@code "٣"} played track 3).
 */
public final class JsonInput {
    private static final Pattern ASCII_ID = Pattern.compile("[0-9]{1,18}");

    private JsonInput() {
    }

    /** @return the parsed document, or null when the body is not exactly one JSON value */
    public static JsonNode parse(ObjectMapper json, String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            return null;
        }
        String broken = loneSurrogateAt(root, "");
        if (broken != null) {
            throw ApiException.badRequest("'" + broken + "' contains a broken character (a lone UTF-16 surrogate); "
                    + "send the text as valid Unicode");
        }
        return root;
    }

    /** A track id written as ASCII digits, or empty. */
    public static OptionalLong asciiId(String raw) {
        if (raw == null || !ASCII_ID.matcher(raw).matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(raw));
    }

    /** The path of the first text or field name with a lone surrogate, or null. */
    private static String loneSurrogateAt(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return hasLoneSurrogate(node.textValue()) ? (path.isEmpty() ? "body" : path) : null;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (hasLoneSurrogate(field.getKey())) {
                    return "a field name";
                }
                String found = loneSurrogateAt(field.getValue(), at);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = loneSurrogateAt(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    public static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
