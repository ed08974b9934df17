package org.moodbox.models.build;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code model-manifest.json}: the pinned model files and the files derived from them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelManifest(List<FetchedFile> files, List<DerivedFile> derived) {

    public ModelManifest {
        files = files == null ? List.of() : List.copyOf(files);
        derived = derived == null ? List.of() : List.copyOf(derived);
    }

    public static ModelManifest read(Path json) {
        try {
            return new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
                    .readValue(json.toFile(), ModelManifest.class);
        } catch (IOException e) {
            throw new ModelBuildException("cannot read model manifest " + json + ": " + e.getMessage(), e);
        }
    }

    public Optional<FetchedFile> fileInstalledAs(String installAs) {
        return files.stream().filter(f -> f.installAs().equals(installAs)).findFirst();
    }
}
