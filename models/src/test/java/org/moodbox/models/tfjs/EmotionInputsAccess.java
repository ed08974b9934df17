package org.moodbox.models.tfjs;

import java.util.List;

/** The hand-boxed real face crops of {@link EmotionInputs}, for tests in other packages. */
public final class EmotionInputsAccess {
    private EmotionInputsAccess() {
    }

    public static List<float[]> faces() {
        return EmotionInputs.faces();
    }

    /** The faces of the photos no int8 model was calibrated on ({@link org.moodbox.models.SampleFaces#HELD_OUT_PHOTOS}). */
    public static List<float[]> heldOutFaces() {
        return EmotionInputs.faces(org.moodbox.models.SampleFaces.HELD_OUT_PHOTOS);
    }
}
