package org.moodbox.lab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.moodbox.lab.export.TeacherLabels;
import org.moodbox.lab.train.TeacherFile;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.fer.FerSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Makes a distillation teacher: the average of several float classifiers (for issue 27, the two compact runs and
 * the FER-label DCNN, which reads posed faces best) over every training face, written once for a student run's
 * {@code --teacher}. Prints each member and the average on PublicTest's standard test and both views, so the
 * teacher is judged before a student spends hours learning from it.
 */
@Command(name = "teacher", mixinStandardHelpOptions = true,
        description = "Average float TFLite classifiers over the training faces into a teacher file for lab train --teacher.")
public final class TeacherCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "the FER-2013 folder (research data, read only)") Path data;
    @Option(names = "--model", required = true, description = "a float32 TFLite classifier (repeat for each member)")
    List<Path> models;
    @Option(names = "--out", required = true, description = "the teacher file to write (keep it out of the repository)")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<byte[]> bytes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path m : models) {
            byte[] b = Files.readAllBytes(m);
            bytes.add(b);
            names.add(m.getFileName() + " sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)));
        }
        FerSet publicTest = FerSet.load(data, FerSplit.PUBLICTEST);
        List<String> labels = new ArrayList<>();
        List<float[][]> answers = new ArrayList<>();
        for (int i = 0; i < bytes.size(); i++) {
            labels.add(String.valueOf(i + 1));
            answers.add(TeacherLabels.probabilities(bytes.get(i), publicTest));
        }
        labels.add("mean");
        answers.add(TeacherLabels.mean(answers));
        System.out.println("PublicTest (standard FER+ rule and the two views); members numbered as given:");
        for (int i = 0; i < names.size(); i++) {
            System.out.printf("  %d = %s%n", i + 1, names.get(i));
        }
        System.out.print(TeacherLabels.report(labels, answers, publicTest));

        FerSet train = FerSet.load(data, FerSplit.TRAIN);
        new TeacherFile(names, TeacherLabels.average(bytes, train)).write(out);
        System.out.printf("wrote %s: the mean of %d models on %,d training faces%n", out, bytes.size(), train.count());
        return 0;
    }
}
