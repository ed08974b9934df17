package org.moodbox.models.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.moodbox.models.facenet.FaceNetEmotionGraph;
import org.moodbox.models.quantize.Int8Quantizer;
import org.moodbox.models.tfjs.TfjsToTflite;

/**
 * Makes the manifest's derived files with our own converters, in manifest order (a derived file may be made
 * from an earlier one). Conversion and int8 quantization take a few seconds in all, so they always run; the
 * output is written only when its bytes change, which keeps rebuilds incremental.
 */
final class DerivedFiles {
    /** The prefix of inputs our own training made (committed under models/trained/, never fetched). */
    static final String TRAINED = "trained/";

    private final ModelManifest manifest;
    private final Function<FetchedFile, Path> locate;
    private final Path shipDir;
    /** Where {@code trained/...} inputs (our own trained weights, committed) are read from: the manifest's folder. */
    private final Path projectDir;
    private CalibrationSets calibration;

    DerivedFiles(ModelManifest manifest, Function<FetchedFile, Path> locate, Path shipDir, Path projectDir) {
        this.manifest = manifest;
        this.locate = locate;
        this.shipDir = shipDir;
        this.projectDir = projectDir;
    }

    void makeAll() {
        for (DerivedFile derived : manifest.derived()) {
            List<Path> inputs = derived.from().stream().map(name -> inputPath(derived, name)).toList();
            byte[] bytes = convert(derived, inputs);
            write(shipDir.resolve(derived.installAs()), bytes);
        }
    }

    private Path inputPath(DerivedFile derived, String installAs) {
        if (installAs.startsWith(TRAINED)) {
            Path trained = projectDir.resolve(installAs);
            if (!Files.isRegularFile(trained)) {
                throw new ModelBuildException("derived file " + derived.installAs() + " needs our trained file "
                        + trained + ", which is missing");
            }
            return trained;
        }
        boolean madeEarlier = manifest.derived().stream().takeWhile(d -> d != derived)
                .anyMatch(d -> d.installAs().equals(installAs));
        if (madeEarlier) {
            return shipDir.resolve(installAs);
        }
        FetchedFile source = manifest.fileInstalledAs(installAs).orElseThrow(() -> new ModelBuildException(
                "derived file " + derived.installAs() + " needs '" + installAs + "', which no entry of 'files' (or"
                        + " earlier entry of 'derived') in model-manifest.json installs"));
        return locate.apply(source);
    }

    // A switch rather than reflection: the converter is named in the manifest for readers, and an unknown
    // name should fail the build rather than load arbitrary classes.
    private byte[] convert(DerivedFile derived, List<Path> inputs) {
        if (derived.by().equals(TfjsToTflite.class.getName())) {
            if (inputs.size() != 2) {
                throw new ModelBuildException(derived.installAs() + ": TfjsToTflite takes the model JSON and one"
                        + " weights file, got " + inputs);
            }
            return TfjsToTflite.convert(inputs.get(0), inputs.get(1));
        }
        if (derived.by().equals(Int8Quantizer.class.getName())) {
            if (inputs.size() != 1 || derived.calibration() == null) {
                throw new ModelBuildException(derived.installAs() + ": Int8Quantizer takes one float model and a"
                        + " 'calibration' set name, got " + inputs + " and " + derived.calibration());
            }
            long start = System.nanoTime();
            byte[] int8 = Int8Quantizer.quantize(read(inputs.get(0)), calibration().named(derived.calibration()));
            PrepareModels.log("quantized " + derived.installAs() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            return int8;
        }
        if (derived.by().equals(Int8Quantizer.class.getName() + "#fusePrelu")) {
            if (inputs.size() != 1) {
                throw new ModelBuildException(derived.installAs() + ": fusePrelu takes one float model, got " + inputs);
            }
            return Int8Quantizer.fusePrelu(read(inputs.get(0)));
        }
        if (derived.by().equals(FaceNetEmotionGraph.class.getName() + "#assemble")) {
            if (inputs.size() != 2) {
                throw new ModelBuildException(derived.installAs() + ": FaceNetEmotionGraph#assemble takes MobileFaceNet"
                        + " and our trained part, got " + inputs);
            }
            return FaceNetEmotionGraph.assemble(read(inputs.get(0)), read(inputs.get(1)));
        }
        throw new ModelBuildException("derived file " + derived.installAs() + " names an unknown converter '"
                + derived.by() + "'");
    }

    /** The sample frames are read once, on the first quantization. */
    private CalibrationSets calibration() {
        if (calibration == null) {
            calibration = new CalibrationSets(SampleFrames.read(shipDir));
        }
        return calibration;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelBuildException("cannot read " + file + ": " + e.getMessage(), e);
        }
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
