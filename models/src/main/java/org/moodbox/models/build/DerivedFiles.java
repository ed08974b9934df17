package org.moodbox.models.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.moodbox.models.tfjs.TfjsToTflite;

/**
 * Makes the manifest's derived files with our own converters. Conversion takes well under a second, so it
 * always runs; the output is written only when its bytes change, which keeps rebuilds incremental.
 */
final class DerivedFiles {
    private final ModelManifest manifest;
    private final Function<FetchedFile, Path> locate;
    private final Path shipDir;

    DerivedFiles(ModelManifest manifest, Function<FetchedFile, Path> locate, Path shipDir) {
        this.manifest = manifest;
        this.locate = locate;
        this.shipDir = shipDir;
    }

    void makeAll() {
        for (DerivedFile derived : manifest.derived()) {
            List<Path> inputs = derived.from().stream().map(name -> inputPath(derived, name)).toList();
            byte[] bytes = convert(derived, inputs);
            write(shipDir.resolve(derived.installAs()), bytes);
        }
    }

    private Path inputPath(DerivedFile derived, String installAs) {
        FetchedFile source = manifest.fileInstalledAs(installAs).orElseThrow(() -> new ModelBuildException(
                "derived file " + derived.installAs() + " needs '" + installAs + "', which no entry of 'files' in"
                        + " model-manifest.json installs"));
        return locate.apply(source);
    }

    // A switch rather than reflection: the converter is named in the manifest for readers, and an unknown
    // name should fail the build rather than load arbitrary classes.
    private static byte[] convert(DerivedFile derived, List<Path> inputs) {
        if (derived.by().equals(TfjsToTflite.class.getName())) {
            if (inputs.size() != 2) {
                throw new ModelBuildException(derived.installAs() + ": TfjsToTflite takes the model JSON and one"
                        + " weights file, got " + inputs);
            }
            return TfjsToTflite.convert(inputs.get(0), inputs.get(1));
        }
        throw new ModelBuildException("derived file " + derived.installAs() + " names an unknown converter '"
                + derived.by() + "'");
    }

    private static void write(Path output, byte[] bytes) {
        try {
            if (Files.isRegularFile(output) && Arrays.equals(Files.readAllBytes(output), bytes)) {
                PrepareModels.log(output.getFileName() + " up to date (" + Sha256.of(bytes) + ")");
                return;
            }
            Files.createDirectories(output.getParent());
            Files.write(output, bytes);
            PrepareModels.log("wrote " + output.getFileName() + " (" + bytes.length + " bytes, " + Sha256.of(bytes) + ")");
        } catch (IOException e) {
            throw new ModelBuildException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }
}
