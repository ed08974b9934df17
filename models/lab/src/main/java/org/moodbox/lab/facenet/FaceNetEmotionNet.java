package org.moodbox.lab.facenet;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import org.moodbox.models.facenet.FaceNetEmotionGraph;
import org.moodbox.models.quantize.FloatGraph;

/**
 * The trainable part of the face-pretrained emotion network in DJL: MobileFaceNet's tail rebuilt from the
 * pinned TFLite graph ({@link GraphTailBlock}, pretrained weights), global average pooling, dropout and a dense
 * layer to the seven FER-2013 classes (logits; softmax is in the loss and in the exported file). Input: the
 * cached 7x7x128 activations in NCHW.
 */
public final class FaceNetEmotionNet {
    public final GraphTailBlock tail;
    public final Linear dense;
    public final SequentialBlock block;

    public FaceNetEmotionNet(FloatGraph tailGraph, float dropout) {
        this.tail = new GraphTailBlock(tailGraph);
        this.dense = Linear.builder().setUnits(FaceNetEmotionGraph.CLASSES).build();
        this.block = new SequentialBlock()
                .add(tail)
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().mean(new int[] {3}).mean(new int[] {2})), "global_average_pool"))
                .add(Dropout.builder().optRate(dropout).build())
                .add(dense);
    }

    /** Stage "probe": only the dense layer learns (a linear probe on the pretrained 7x7x512 block). */
    public void freezeTail(boolean frozen) {
        tail.freezeParameters(frozen);
    }

    public float[] denseWeights() {
        return parameter(dense, "weight").getArray().toFloatArray(); // [7, 512]: TFLite's FULLY_CONNECTED layout
    }

    public float[] denseBias() {
        return parameter(dense, "bias").getArray().toFloatArray();
    }

    static Parameter parameter(Block block, String name) {
        return block.getParameters().stream().filter(p -> p.getKey().equals(name)).map(p -> p.getValue()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no parameter " + name));
    }

}
