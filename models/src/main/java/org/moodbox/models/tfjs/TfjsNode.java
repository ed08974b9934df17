package org.moodbox.models.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One node of a TF.js graph model ({@code modelTopology.node[]}) with typed access to its attributes.
 * Attribute strings are base64 in the JSON (they are protobuf bytes), integers are decimal strings.
 */
public record TfjsNode(String name, String op, List<String> inputs, JsonNode attr) {

    static TfjsNode of(JsonNode json) {
        List<String> inputs = new ArrayList<>();
        for (JsonNode input : json.path("input")) {
            String text = input.asText();
            if (text.startsWith("^")) {
                continue; // control dependency: ordering only, no data
            }
            int colon = text.indexOf(':');
            inputs.add(colon < 0 ? text : text.substring(0, colon)); // "node:0" is output 0 of "node"
        }
        return new TfjsNode(json.path("name").asText(), json.path("op").asText(), List.copyOf(inputs),
                json.path("attr"));
    }

    public boolean has(String attribute) {
        return attr.has(attribute);
    }

    public String string(String attribute) {
        return decode(required(attribute).path("s").asText());
    }

    public List<String> strings(String attribute) {
        List<String> values = new ArrayList<>();
        for (JsonNode s : attr.path(attribute).path("list").path("s")) {
            values.add(decode(s.asText()));
        }
        return values;
    }

    public int[] ints(String attribute) {
        JsonNode list = required(attribute).path("list").path("i");
        int[] values = new int[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Integer.parseInt(list.get(i).asText());
        }
        return values;
    }

    public boolean bool(String attribute, boolean otherwise) {
        JsonNode value = attr.path(attribute).path("b");
        return value.isMissingNode() ? otherwise : value.asBoolean();
    }

    /** The {@code shape} attribute of a Placeholder; unknown sizes are -1. */
    public int[] shape() {
        JsonNode dims = required("shape").path("shape").path("dim");
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = Integer.parseInt(dims.get(i).path("size").asText("-1"));
        }
        return shape;
    }

    public UnsupportedModelException unsupported(String what) {
        return new UnsupportedModelException("node " + name + " (" + op + "): " + what);
    }

    private JsonNode required(String attribute) {
        JsonNode value = attr.path(attribute);
        if (value.isMissingNode()) {
            throw unsupported("attribute '" + attribute + "' is missing");
        }
        return value;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
