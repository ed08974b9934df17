package org.moodbox.lab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.moodbox.lab.data.TrainingRows;
import org.moodbox.lab.export.Calibration;
import org.moodbox.lab.export.DcnnTfliteExport;
import org.moodbox.lab.export.ExportCheck;
import org.moodbox.lab.train.Validation;
import org.moodbox.lab.train.TrainedDcnn;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.fer.FerSplit;
import org.moodbox.models.quantize.Int8Quantizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a run's checkpoint as a float32 TFLite model (batch norm folded) and, with --int8, its int8 twin. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a run's checkpoint to a float32 .tflite file (batch norm folded into the convolutions)",
                "and, with --int8-out, a post-training int8 model calibrated on training faces."})
public final class ExportCommand implements Callable<Integer> {
    /** Validation faces the exported models are checked on against the trainer (and int8 against float). */
    private static final int CHECKED = 1000;
    @Option(names = "--run", required = true, description = "the training run directory")
    Path run;
    @Option(names = "--checkpoint", defaultValue = "best", description = "best, last or a .params file (default: ${DEFAULT-VALUE})")
    String checkpoint;
    @Option(names = "--out", required = true, description = "the float32 .tflite file to write")
    Path out;
    @Option(names = "--int8-out", description = "also write an int8 model here (needs --data)")
    Path int8Out;
    @Option(names = "--data", description = "the shared fer2013 folder: checks on PublicTest, calibration faces for --int8-out")
    Path data;
    @Option(names = "--calibration", defaultValue = "200", description = "training faces to calibrate on (default: ${DEFAULT-VALUE})")
    int calibration;

    @Override
    public Integer call() throws Exception {
        if (int8Out != null && data == null) {
            throw new IllegalArgumentException("--int8-out needs --data (the calibration faces come from FER-2013 training rows)");
        }
        Threads.use(1);
        byte[] model;
        String description;
        FerSet validation = null;
        try (TrainedDcnn dcnn = TrainedDcnn.load(run, checkpoint)) {
            description = "Moodbox " + dcnn.layout().describe() + ", " + dcnn.checkpoint().getFileName()
                    + " of a " + dcnn.state().options().epochs() + "-epoch run, seed " + dcnn.state().options().seed();
            model = DcnnTfliteExport.floatModel(dcnn.block(), dcnn.layout(), description);
            if (data != null) {
                validation = FerSet.load(data, FerSplit.PUBLICTEST);
                float[][] djl = Validation.probabilities(dcnn.block(), dcnn.model().getNDManager(), validation, CHECKED);
                System.out.printf("float32 TFLite vs DJL on %d PublicTest faces: max |dp| %.2e%n", CHECKED,
                        ExportCheck.maxDifference(model, djl, validation));
            }
            System.out.printf("best validation accuracy %.4f at epoch %d of %d done%n",
                    dcnn.state().bestValidationAccuracy(), dcnn.state().bestEpoch(), dcnn.state().epochsDone());
        }
        write(out, model);
        System.out.printf("wrote %s: %,d bytes, float32, %s%n", out, model.length, description);
        if (int8Out != null) {
            FerSet train = FerSet.load(data, FerSplit.TRAIN);
            int[] rows = TrainingRows.select(train, List.of(FerSet.load(data, FerSplit.PUBLICTEST),
                    FerSet.load(data, FerSplit.PRIVATETEST))).rows();
            byte[] int8 = Int8Quantizer.quantize(model, Calibration.samples(train, rows, calibration));
            write(int8Out, int8);
            System.out.printf("int8 vs float32 on %d PublicTest faces: argmax agreement %.4f%n", CHECKED,
                    ExportCheck.argmaxAgreement(model, int8, validation, CHECKED));
            System.out.printf("wrote %s: %,d bytes, int8 (calibrated on %d training faces)%n", int8Out, int8.length,
                    Math.min(calibration, rows.length));
        }
        return 0;
    }

    private static void write(Path file, byte[] bytes) throws java.io.IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
