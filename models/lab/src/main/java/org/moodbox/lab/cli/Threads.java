package org.moodbox.lab.cli;

/**
 * PyTorch's thread counts, set before DJL starts its engine (it reads them once). One thread is the
 * default: on a shared 2-core machine a 2-thread run collapses to a tenth of its speed whenever another
 * process holds a core, while one thread keeps its pace (FINDINGS.md).
 */
final class Threads {
    private Threads() {
    }

    static void use(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
}
