package org.moodbox.models.tfjs;

/** A constant from the weights file, decoded; exactly one of {@code floats} and {@code ints} is set. */
public record TfjsWeight(String name, int[] shape, float[] floats, int[] ints) {

    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    public float[] requireFloats() {
        if (floats == null) {
            throw new UnsupportedModelException("weight " + name + " is not float32");
        }
        return floats;
    }

    public int[] requireInts() {
        if (ints == null) {
            throw new UnsupportedModelException("weight " + name + " is not int32");
        }
        return ints;
    }
}
