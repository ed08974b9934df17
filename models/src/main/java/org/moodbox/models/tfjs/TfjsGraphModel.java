package org.moodbox.models.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TF.js graph model ({@code format: graph-model}): its nodes and its weights, read from the model JSON
 * and the weight file. Weights are stored back to back, little-endian, in {@code weightsManifest} order.
 * Only plain float32 and int32 weights are read; quantized weight files are refused by name.
 */
public final class TfjsGraphModel {
    private final Map<String, TfjsNode> nodes;
    private final Map<String, TfjsWeight> weights;
    private final List<String> outputNames;

    private TfjsGraphModel(Map<String, TfjsNode> nodes, Map<String, TfjsWeight> weights, List<String> outputNames) {
        this.nodes = nodes;
        this.weights = weights;
        this.outputNames = outputNames;
    }

    /** Reads the model; {@code weightFiles} are the files of the manifest's {@code paths}, in that order. */
    public static TfjsGraphModel read(Path modelJson, List<Path> weightFiles) {
        try {
            JsonNode root = new ObjectMapper().readTree(modelJson.toFile());
            if (!"graph-model".equals(root.path("format").asText())) {
                throw new UnsupportedModelException(modelJson + " is not a TF.js graph model (format '"
                        + root.path("format").asText() + "')");
            }
            Map<String, TfjsNode> nodes = new LinkedHashMap<>();
            for (JsonNode n : root.path("modelTopology").path("node")) {
                TfjsNode node = TfjsNode.of(n);
                nodes.put(node.name(), node);
            }
            ByteBuffer data = concatenate(weightFiles);
            Map<String, TfjsWeight> weights = readWeights(root.path("weightsManifest"), data);
            return new TfjsGraphModel(nodes, weights, outputNames(root, nodes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TF.js model " + modelJson, e);
        }
    }

    public TfjsNode node(String name) {
        TfjsNode node = nodes.get(name);
        if (node == null) {
            throw new UnsupportedModelException("graph refers to unknown node " + name);
        }
        return node;
    }

    public TfjsWeight weight(String constNodeName) {
        TfjsWeight weight = weights.get(constNodeName);
        if (weight == null) {
            throw new UnsupportedModelException("no weight for constant " + constNodeName);
        }
        return weight;
    }

    public List<String> outputNames() {
        return outputNames;
    }

    /** The nodes that produce the outputs, dependencies first (the JSON's order is not guaranteed). */
    public List<TfjsNode> executionOrder() {
        List<TfjsNode> order = new ArrayList<>();
        Map<String, Boolean> visited = new HashMap<>();
        for (String output : outputNames) {
            visit(output, visited, order);
        }
        return order;
    }

    private void visit(String name, Map<String, Boolean> visited, List<TfjsNode> order) {
        Boolean done = visited.get(name);
        if (Boolean.TRUE.equals(done)) {
            return;
        }
        if (Boolean.FALSE.equals(done)) {
            throw new UnsupportedModelException("graph has a cycle through " + name);
        }
        visited.put(name, false);
        TfjsNode node = node(name);
        for (String input : node.inputs()) {
            visit(input, visited, order);
        }
        visited.put(name, true);
        order.add(node);
    }

    private static List<String> outputNames(JsonNode root, Map<String, TfjsNode> nodes) {
        List<String> names = new ArrayList<>();
        JsonNode signatureOutputs = root.path("userDefinedMetadata").path("signature").path("outputs");
        signatureOutputs.fields().forEachRemaining(e -> names.add(e.getKey().split(":")[0]));
        if (names.isEmpty()) {
            // No signature: the outputs are the nodes nobody consumes.
            Map<String, Boolean> consumed = new HashMap<>();
            nodes.values().forEach(n -> n.inputs().forEach(i -> consumed.put(i, true)));
            nodes.values().stream()
                    .filter(n -> !n.op().equals("Const") && !consumed.containsKey(n.name()))
                    .forEach(n -> names.add(n.name()));
        }
        return List.copyOf(names);
    }

    private static ByteBuffer concatenate(List<Path> files) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Path file : files) {
            all.write(Files.readAllBytes(file));
        }
        return ByteBuffer.wrap(all.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static Map<String, TfjsWeight> readWeights(JsonNode manifest, ByteBuffer data) {
        Map<String, TfjsWeight> weights = new HashMap<>();
        for (JsonNode group : manifest) {
            for (JsonNode w : group.path("weights")) {
                String name = w.path("name").asText();
                if (w.has("quantization")) {
                    throw new UnsupportedModelException("weight " + name + " is quantized ("
                            + w.path("quantization") + "); only float32/int32 weights are supported");
                }
                int[] shape = new int[w.path("shape").size()];
                int count = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = w.path("shape").get(i).asInt();
                    count *= shape[i];
                }
                if (data.remaining() < count * 4) {
                    throw new UnsupportedModelException("weight file ends inside weight " + name);
                }
                String dtype = w.path("dtype").asText();
                switch (dtype) {
                    case "float32" -> {
                        float[] values = new float[count];
                        data.asFloatBuffer().get(values);
                        weights.put(name, new TfjsWeight(name, shape, values, null));
                    }
                    case "int32" -> {
                        int[] values = new int[count];
                        data.asIntBuffer().get(values);
                        weights.put(name, new TfjsWeight(name, shape, null, values));
                    }
                    default -> throw new UnsupportedModelException("weight " + name + " has dtype " + dtype);
                }
                data.position(data.position() + count * 4);
            }
        }
        if (data.hasRemaining()) {
            throw new UnsupportedModelException("weight file has " + data.remaining()
                    + " bytes more than weightsManifest describes");
        }
        return weights;
    }
}
