package org.moodbox.lab.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A VGG-style network described as data: stages of 3x3 convolutions (each followed by batch norm and
 * ReLU), a 2x2 max pool after each stage, global average pooling, dropout and one dense layer to the seven
 * classes. The trainer builds the DJL block from it and the exporter writes the TFLite graph from the same
 * list, so the two cannot drift apart.
 *
 * <p>The convolutions are either plain 3x3 ({@link ConvKind#PLAIN}, the DCNN) or separable
 * ({@link ConvKind#SEPARABLE}: a 3x3 depthwise convolution, then a 1x1 pointwise one, the compact net), and a
 * stage may end in spatial dropout (whole channels dropped) after its pool.
 */
public record DcnnLayout(int side, int[][] stages, float dropout, int classes, ConvKind conv, float groupDropout) {

    public enum ConvKind {
        PLAIN, SEPARABLE;

        /** "plain" or "separable", as the CLI and the run state spell it. */
        public static ConvKind parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("convolution kind is plain or separable, not '" + name + "'");
            }
        }
    }

    public sealed interface Layer permits ConvBnRelu, SeparableConvBnRelu, MaxPool, SpatialDropout, GlobalAveragePool,
            Dropout, Dense {
    }

    public record ConvBnRelu(int inChannels, int outChannels) implements Layer {
    }

    /** Depthwise 3x3 (no bias), pointwise 1x1 (no bias), batch norm, ReLU: batch norm folds into the pointwise. */
    public record SeparableConvBnRelu(int inChannels, int outChannels) implements Layer {
    }

    public record MaxPool() implements Layer {
    }

    /** Drops whole channels while training; an identity at inference. */
    public record SpatialDropout(float rate) implements Layer {
    }

    public record GlobalAveragePool() implements Layer {
    }

    public record Dropout(float rate) implements Layer {
    }

    public record Dense(int in, int out) implements Layer {
    }

    /**
     * The DCNN: 48x48 grey, 32 / 64-64 / 128-128 / 256-256, about 1.17M parameters. One convolution at full
     * resolution: each stage costs about the same multiply-adds, and on one shared CPU core a second
     * 48x48 convolution would add a third to the epoch time for little gain.
     */
    public static DcnnLayout dcnnV1() {
        return new DcnnLayout(48, new int[][] {{32}, {64, 64}, {128, 128}, {256, 256}}, 0.4f, 7, ConvKind.PLAIN, 0f);
    }

    /**
     * The compact net: separable convolutions 48-48-48 / 96-96-96 / 192-192 / 384 with spatial dropout 0.1
     * after each stage's pool, the shape of the best published small FER+ network (about 172k parameters,
     * 38M multiply-adds at 48x48). Global average pooling then one dense layer: the same function as that
     * network's 1x1 convolution to the classes before the pooling, at a ninth of its cost.
     */
    public static DcnnLayout compactV1() {
        return new DcnnLayout(48, new int[][] {{48, 48, 48}, {96, 96, 96}, {192, 192}, {384}}, 0f, 7,
                ConvKind.SEPARABLE, 0.1f);
    }

    /** Parses "32,32/64,64/128" into stages; used by the CLI to try other sizes and by the CI smoke test. */
    public static DcnnLayout parse(int side, String stages, float dropout, int classes, ConvKind conv,
                                   float groupDropout) {
        int[][] parsed = Arrays.stream(stages.split("/"))
                .map(s -> Arrays.stream(s.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray())
                .toArray(int[][]::new);
        return new DcnnLayout(side, parsed, dropout, classes, conv, groupDropout);
    }

    public DcnnLayout {
        if (stages.length == 0 || Arrays.stream(stages).anyMatch(s -> s.length == 0)) {
            throw new IllegalArgumentException("need at least one stage with at least one convolution");
        }
        if (side >> stages.length == 0 || side % (1 << stages.length) != 0) {
            throw new IllegalArgumentException(side + " px cannot be halved " + stages.length + " times evenly");
        }
        if (Arrays.stream(stages).flatMapToInt(Arrays::stream).anyMatch(c -> c <= 0)) {
            throw new IllegalArgumentException("channel counts must be positive");
        }
        if (conv == null || groupDropout < 0 || groupDropout >= 1) {
            throw new IllegalArgumentException("need a convolution kind and a spatial dropout rate in [0,1)");
        }
    }

    public List<Layer> layers() {
        List<Layer> layers = new ArrayList<>();
        int in = 1;
        for (int[] stage : stages) {
            for (int out : stage) {
                layers.add(conv == ConvKind.PLAIN ? new ConvBnRelu(in, out) : new SeparableConvBnRelu(in, out));
                in = out;
            }
            layers.add(new MaxPool());
            if (groupDropout > 0) {
                layers.add(new SpatialDropout(groupDropout));
            }
        }
        layers.add(new GlobalAveragePool());
        // The DCNN's layer list always had its dropout (checkpoints count children); the compact net has
        // none unless asked for.
        if (conv == ConvKind.PLAIN || dropout > 0) {
            layers.add(new Dropout(dropout));
        }
        layers.add(new Dense(in, classes));
        return layers;
    }

    /** Trainable parameters (conv weights, batch-norm scale and shift, dense weights and bias). */
    public long parameterCount() {
        long n = 0;
        for (Layer layer : layers()) {
            if (layer instanceof ConvBnRelu c) {
                n += 9L * c.inChannels() * c.outChannels() + 2L * c.outChannels();
            } else if (layer instanceof SeparableConvBnRelu s) {
                n += 9L * s.inChannels() + (long) s.inChannels() * s.outChannels() + 2L * s.outChannels();
            } else if (layer instanceof Dense d) {
                n += (long) d.in() * d.out() + d.out();
            }
        }
        return n;
    }

    /** Multiply-adds of one inference at {@code side} x {@code side} (convolutions and the dense layer). */
    public long multiplyAdds() {
        long n = 0;
        long pixels = (long) side * side;
        for (Layer layer : layers()) {
            if (layer instanceof ConvBnRelu c) {
                n += pixels * 9L * c.inChannels() * c.outChannels();
            } else if (layer instanceof SeparableConvBnRelu s) {
                n += pixels * (9L * s.inChannels() + (long) s.inChannels() * s.outChannels());
            } else if (layer instanceof MaxPool) {
                pixels /= 4;
            } else if (layer instanceof Dense d) {
                n += (long) d.in() * d.out();
            }
        }
        return n;
    }

    /** "32,32/64,64/..." as the CLI takes it. */
    public String stagesText() {
        return Arrays.stream(stages).map(s -> Arrays.stream(s).mapToObj(Integer::toString)
                .collect(Collectors.joining(","))).collect(Collectors.joining("/"));
    }

    /** "separable 48,48,48/96,..." : what the export and the logs name the network by. */
    public String describe() {
        return conv.name().toLowerCase(Locale.ROOT) + " " + stagesText();
    }
}
