package org.moodbox.models.build;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One file taken from a pinned npm package: {@code path} inside the package (npm tarballs put it under
 * {@code package/}), its expected SHA-256, and the name it gets in our output ({@code installAs}).
 * {@code ship} says whether it goes into the jar or is a build input only.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FetchedFile(
        @JsonProperty("package") String packageName,
        String version,
        String licence,
        String path,
        String sha256,
        String installAs,
        boolean ship,
        String purpose) {

    /** The npm spec, for example {@code @mediapipe/face_detection@0.4.1657300184}. */
    public String packageSpec() {
        return packageName + "@" + version;
    }
}
