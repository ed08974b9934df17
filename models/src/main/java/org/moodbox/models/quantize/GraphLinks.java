package org.moodbox.models.quantize;

import java.util.List;
import org.moodbox.models.quantize.FloatGraph.Op;

/** Who writes a tensor and who reads it, in a list of operators: what the graph edits check before they change one. */
final class GraphLinks {
    private GraphLinks() {
    }

    /** The operator of kind {@code code} whose one output is {@code tensor}, or null. */
    static Op producer(List<Op> ops, int tensor, int code) {
        for (Op op : ops) {
            if (op.code() == code && op.outputs().length == 1 && op.outputs()[0] == tensor) {
                return op;
            }
        }
        return null;
    }

    /** How many operator inputs read {@code tensor}. */
    static int consumers(List<Op> ops, int tensor) {
        int n = 0;
        for (Op op : ops) {
            for (int in : op.inputs()) {
                if (in == tensor) {
                    n++;
                }
            }
        }
        return n;
    }
}
