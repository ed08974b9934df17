package org.moodbox.lab.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A VGG-style network described as data: stages of 3x3 convolutions (each followed by batch norm and
 * ReLU), a 2x2 max pool after each stage, global average pooling, dropout and one dense layer to the seven
 * classes. The trainer builds the DJL block from it and the exporter writes the TFLite graph from the same
 * list, so the two cannot drift apart.
 */
public record DcnnLayout(int side, int[][] stages, float dropout, int classes) {

    public sealed interface Layer permits ConvBnRelu, MaxPool, GlobalAveragePool, Dropout, Dense {
    }

    public record ConvBnRelu(int inChannels, int outChannels) implements Layer {
    }

    public record MaxPool() implements Layer {
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
        return new DcnnLayout(48, new int[][] {{32}, {64, 64}, {128, 128}, {256, 256}}, 0.4f, 7);
    }

    /** Parses "32,32/64,64/128" into stages; used by the CLI to try other sizes and by the CI smoke test. */
    public static DcnnLayout parse(int side, String stages, float dropout, int classes) {
        int[][] parsed = Arrays.stream(stages.split("/"))
                .map(s -> Arrays.stream(s.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray())
                .toArray(int[][]::new);
        return new DcnnLayout(side, parsed, dropout, classes);
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
    }

    public List<Layer> layers() {
        List<Layer> layers = new ArrayList<>();
        int in = 1;
        for (int[] stage : stages) {
            for (int out : stage) {
                layers.add(new ConvBnRelu(in, out));
                in = out;
            }
            layers.add(new MaxPool());
        }
        layers.add(new GlobalAveragePool());
        layers.add(new Dropout(dropout));
        layers.add(new Dense(in, classes));
        return layers;
    }

    /** Trainable parameters (conv weights, batch-norm scale and shift, dense weights and bias). */
    public long parameterCount() {
        long n = 0;
        for (Layer layer : layers()) {
            if (layer instanceof ConvBnRelu c) {
                n += 9L * c.inChannels() * c.outChannels() + 2L * c.outChannels();
            } else if (layer instanceof Dense d) {
                n += (long) d.in() * d.out() + d.out();
            }
        }
        return n;
    }

    /** "32,32/64,64/..." as the CLI takes it. */
    public String stagesText() {
        return Arrays.stream(stages).map(s -> Arrays.stream(s).mapToObj(Integer::toString)
                .collect(Collectors.joining(","))).collect(Collectors.joining("/"));
    }
}
