package org.moodbox.models.tfjs;

import java.util.List;

/** The hand-boxed real face crops of {@link EmotionInputs}, for tests in other packages. */
public final class EmotionInputsAccess {
    private EmotionInputsAccess() {
    }

    public static List<float[]> faces() {
        return EmotionInputs.faces();
    }
}
