package org.moodbox.lab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.List;
import org.moodbox.lab.data.TrainingRows;
import org.moodbox.lab.export.ExportCheck;
import org.moodbox.lab.export.LogitAdjustment;
import org.moodbox.lab.facenet.Scores;
import org.moodbox.lab.facenet.TemperatureScaling;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.fer.FerSplit;
import org.moodbox.models.quantize.TemperatureFold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Calibrates one of our float emotion classifiers (a 48x48 grey face to seven probabilities, ending in a dense
 * layer and softmax): temperature scaling fitted on PublicTest in the TFLite interpreter, folded into the dense
 * layer, the folded file checked on PrivateTest. Prints ECE before and after and the precision-against-coverage
 * table the mood tracker's "not sure" threshold is chosen from. Prints the post-hoc logit adjustment's table on
 * PublicTest and, with {@code --logit-adjust TAU}, folds that adjustment in too.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit a temperature on PublicTest, fold it into a float TFLite classifier, report ECE and coverage.")
public final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "the FER-2013 folder (research data, read only)") Path data;
    @Option(names = "--model", required = true, description = "float32 TFLite classifier to calibrate") Path model;
    @Option(names = "--out", required = true, description = "where the calibrated file goes (may be --model)") Path out;
    @Option(names = "--logit-adjust", defaultValue = "0", paramLabel = "TAU",
            description = {"also fold -TAU * ln(class share of the training rows) into each class's logit (post-hoc",
                    "logit adjustment: 0 none, 1 as if all classes were equally common); a table over TAU on",
                    "PublicTest is printed either way (default: ${DEFAULT-VALUE})"})
    double tau;

    private static final double[] TAUS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1};

    @Override
    public Integer call() throws Exception {
        FerSet publicTest = FerSet.load(data, FerSplit.PUBLICTEST);
        FerSet privateTest = FerSet.load(data, FerSplit.PRIVATETEST);
        byte[] original = Files.readAllBytes(model);
        float[][] pub = FnetExportCommand.probabilities(original, publicTest);
        float[][] priv = FnetExportCommand.probabilities(original, privateTest);
        double t = TemperatureScaling.fit(pub, publicTest);
        FerSet train = FerSet.load(data, FerSplit.TRAIN);
        double[] priors = LogitAdjustment.priors(train,
                TrainingRows.select(train, List.of(publicTest, privateTest)).withFerPlusMajority(train));
        System.out.println("class shares of the training rows (FER+ majority): " + LogitAdjustment.describe(priors));
        System.out.println("post-hoc logit adjustment on PublicTest (choose TAU here; PrivateTest is the test):");
        System.out.print(LogitAdjustment.table(pub, t, priors, publicTest, TAUS));
        double[] offsets = tau == 0 ? null : LogitAdjustment.offsets(priors, tau);
        byte[] calibrated = TemperatureFold.fold(original, t, offsets);
        float[][] privAfter = FnetExportCommand.probabilities(calibrated, privateTest);
        Scores before = Scores.of(priv, privateTest);
        Scores after = Scores.of(privAfter, privateTest);
        System.out.printf("temperature fitted on PublicTest: T = %.3f%n", t);
        System.out.printf("PrivateTest ECE (FER+ majority, 15 bins): before %.4f, after %.4f (the folded file, in the"
                + " interpreter)%n", TemperatureScaling.ece(priv, privateTest), TemperatureScaling.ece(privAfter, privateTest));
        System.out.printf("PublicTest ECE: before %.4f, after %.4f%n", TemperatureScaling.ece(pub, publicTest),
                TemperatureScaling.ece(TemperatureScaling.apply(pub, t), publicTest));
        if (offsets == null) {
            System.out.printf("PrivateTest FER+ acc %.4f -> %.4f (the argmax must not move)%n", before.ferPlusAccuracy(),
                    after.ferPlusAccuracy());
            if (Math.abs(before.ferPlusAccuracy() - after.ferPlusAccuracy()) > 1e-9) {
                System.err.println("the folded file changed some answers; not written");
                return 1;
            }
        } else {
            // The adjustment moves answers on purpose: the file must give what the table above computed.
            double worst = ExportCheck.maxDifference(TemperatureScaling.apply(priv, t, offsets), privAfter);
            System.out.printf("logit offsets (TAU %.2f): %s; the folded file against the table's arithmetic on"
                    + " PrivateTest: max |dp| %.2e%n", tau, LogitAdjustment.describe(offsets), worst);
            if (worst > 1e-4) {
                System.err.println("the folded file does not give the adjusted probabilities; not written");
                return 1;
            }
        }
        System.out.println("precision against coverage of the calibrated top probability (PrivateTest, FER+ majority):");
        System.out.print(TemperatureScaling.coverageTable(privAfter, privateTest));
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.write(tmp, calibrated);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("wrote %s (%,d bytes)%n", out, calibrated.length);
        return 0;
    }
}
