package org.moodbox.settings;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The face detectors the vision room offers, by the names the settings file and the admin page use. */
public enum Detector {
    /** Most faces in group scenes, slowest. */
    MTCNN("mtcnn"),
    /** BlazeFace full range: nearly as many faces as MTCNN at a fraction of the time. */
    BLAZEFACE_FULL("blazeface-full"),
    /** BlazeFace short range: selfie distance only, fastest. */
    BLAZEFACE_SHORT("blazeface-short");

    private final String id;

    Detector(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Detector> byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }

    static String choices() {
        return Arrays.stream(values()).map(Detector::id).collect(Collectors.joining(", "));
    }
}
