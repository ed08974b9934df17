package org.moodbox.lab;

/** Tests that train or run DJL use one PyTorch thread: repeatable arithmetic, and no fight with the other core. */
public final class OneTorchThread {
    private OneTorchThread() {
    }

    public static void use() {
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
}
