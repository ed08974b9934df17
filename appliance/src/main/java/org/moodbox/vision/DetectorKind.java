package org.moodbox.vision;

import org.moodbox.model.EnumNames;
import java.util.Arrays;

/** The face detectors a pipeline can be built with, by the names the CLI and settings use. */
public enum DetectorKind {
    /** Accurate, with five true landmarks; float32 nets. */
    MTCNN("mtcnn"),
    /**
     * MTCNN on our int8 quantization of the same nets (PReLUs float, as XNNPACK runs them): a little faster
     * than float on one x86 core, and one borderline sample face fewer (20 of 22, float 21).
     */
    MTCNN_INT8("mtcnn-int8"),
    /** BlazeFace full range: group scenes up to about 5 m, several times faster than MTCNN. */
    BLAZEFACE_FULL("blazeface-full"),
    /** BlazeFace short range: one or two people close to the screen; the fastest. */
    BLAZEFACE_SHORT("blazeface-short");

    /**
     * What a new box runs: BlazeFace full range found all 22 sample faces (MTCNN 21) in under a quarter of
     * MTCNN's detect time on one core (README, "Vision: int8 models, choices, figures"), and its eye keypoints
     * level the face crop as MTCNN's landmarks do.
     */
    public static final DetectorKind DEFAULT = BLAZEFACE_FULL;

    private final String id;

    DetectorKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The kind named {@code name} (case-insensitive), or an error that lists the names there are. */
    public static DetectorKind parse(String name) {
        return EnumNames.parse(DetectorKind.class, DetectorKind::id, name, "detector");
    }

    /** The kind whose id is exactly {@code id}: the settings file stores ids as written, case included. */
    public static java.util.Optional<DetectorKind> byId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
    }

    public static String names() {
        return EnumNames.list(DetectorKind.class, DetectorKind::id);
    }

    /** A new detector of this kind; the caller owns (and closes) it. */
    public FaceDetector create() {
        return switch (this) {
            case MTCNN -> new MtcnnDetector(MtcnnSettings.defaults(), MtcnnNets.FLOAT);
            case MTCNN_INT8 -> new MtcnnDetector(MtcnnSettings.defaults(), MtcnnNets.INT8);
            case BLAZEFACE_FULL -> new BlazeFaceDetector(BlazeFaceRange.FULL);
            case BLAZEFACE_SHORT -> new BlazeFaceDetector(BlazeFaceRange.SHORT);
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
