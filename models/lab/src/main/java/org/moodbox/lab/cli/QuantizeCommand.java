package org.moodbox.lab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.moodbox.lab.data.TrainingRows;
import org.moodbox.lab.export.Calibration;
import org.moodbox.models.eval.Int8Agreement;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.fer.FerSplit;
import org.moodbox.models.quantize.Int8Quantizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Quantizes one of our float emotion classifiers with a given calibration and mixed-precision choice and
 * reports how often the int8 file picks the float file's class: on PublicTest, which the choice may be tuned
 * on, and on PrivateTest, which reports it. The search for a quantization that reaches the 99% agreement the
 * issue asks for is made of runs of this command.
 */
@Command(name = "quantize", mixinStandardHelpOptions = true,
        description = "int8-quantize a float TFLite emotion classifier; print argmax agreement on PublicTest and PrivateTest.")
public final class QuantizeCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "the FER-2013 folder (research data, read only)") Path data;
    @Option(names = "--model", required = true, description = "float32 TFLite classifier") Path model;
    @Option(names = "--out", description = "write the int8 file here") Path out;
    @Option(names = "--calibration", defaultValue = "200",
            description = "cleaned training faces to calibrate on (default: ${DEFAULT-VALUE})") int calibration;
    @Option(names = "--keep-float", split = ",", paramLabel = "TENSOR",
            description = "operators (by output tensor name; see --list) that stay float32") List<String> keepFloat;
    @Option(names = "--list", description = "print the operators' output tensor names and stop") boolean list;
    @Option(names = "--equalize", description = "equalize channel ranges across layers first (the same float"
            + " function; activations use their int8 levels better)") boolean equalize;

    @Override
    public Integer call() throws Exception {
        byte[] original = Files.readAllBytes(model);
        if (list) {
            Int8Quantizer.operatorOutputs(original).forEach(System.out::println);
            return 0;
        }
        FerSet train = FerSet.load(data, FerSplit.TRAIN);
        FerSet publicTest = FerSet.load(data, FerSplit.PUBLICTEST);
        FerSet privateTest = FerSet.load(data, FerSplit.PRIVATETEST);
        int[] rows = TrainingRows.select(train, List.of(publicTest, privateTest)).rows();
        Set<String> keep = keepFloat == null ? Set.of() : new LinkedHashSet<>(keepFloat);
        List<String> known = Int8Quantizer.operatorOutputs(original);
        for (String name : keep) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("--keep-float " + name + ": no operator computes a tensor of that name"
                        + " (--list prints them)");
            }
        }
        byte[] int8 = Int8Quantizer.quantize(original, Calibration.samples(train, rows, calibration), keep,
                equalize);
        for (FerSet set : List.of(publicTest, privateTest)) {
            Int8Agreement a = Int8Agreement.measure(original, int8, set);
            System.out.printf("%s: int8 picks the float class on %.2f%% of %d faces (FER accuracy float %.2f%%, int8"
                            + " %.2f%%; max |dp| %.3f)%n", set.name(), 100 * a.agreement(), a.images(),
                    100 * a.floatAccuracy(), 100 * a.int8Accuracy(), a.maxProbabilityGap());
        }
        System.out.printf("int8: %,d bytes; calibrated on %d training faces; channels %s; float operators kept: %s%n",
                int8.length, Math.min(calibration, rows.length), equalize ? "equalized" : "as trained",
                keep.isEmpty() ? "none" : String.join(", ", keep));
        if (out != null) {
            Files.write(out, int8);
            System.out.println("wrote " + out);
        }
        return 0;
    }
}
