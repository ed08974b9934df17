package org.moodbox.lab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.moodbox.lab.data.TrainingRows;
import org.moodbox.lab.facenet.FeatureCache;
import org.moodbox.lab.facenet.FerPlusRows;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.fer.FerSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs MobileFaceNet's frozen early blocks once over every face the fine-tuning will see, and stores the result. */
@Command(name = "fnet-cache", mixinStandardHelpOptions = true,
        description = {"Cache MobileFaceNet's frozen-block activations (7x7x128 a face) for fnet-train:",
                "PublicTest and PrivateTest plain and flipped, the training rows plain and in augmented copies.",
                "The same command resumes a stopped cache."})
public final class CacheCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "the shared fer2013 folder (gzip IDX files)")
    Path data;
    @Option(names = "--run", required = true, description = "run directory (outside the repository)")
    Path run;
    @Option(names = "--mobilefacenet", defaultValue = "models/target/model-sources/mobilefacenet/MobileFaceNet.tflite",
            description = "the pinned MobileFaceNet.tflite the build fetched (default: ${DEFAULT-VALUE})")
    Path mobileFaceNet;
    @Option(names = "--copies", defaultValue = "3", description = "augmented copies of the training rows (default: ${DEFAULT-VALUE})")
    int copies;
    @Option(names = "--seed", defaultValue = "20161115") long seed;
    @Option(names = "--limit", defaultValue = "0", description = "only the first N training rows and test faces (smoke tests)")
    int limit;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(mobileFaceNet)) {
            throw new IllegalArgumentException(mobileFaceNet + " is missing: build the models module first");
        }
        FerSet train = FerSet.load(data, FerSplit.TRAIN);
        FerSet publicTest = FerSet.load(data, FerSplit.PUBLICTEST);
        FerSet privateTest = FerSet.load(data, FerSplit.PRIVATETEST);
        TrainingRows cleaned = TrainingRows.select(train, List.of(publicTest, privateTest));
        int[] rows = cleaned.withFerPlusMajority(train);
        int[] all = rows;
        if (limit > 0 && limit < rows.length) {
            rows = Arrays.copyOf(rows, limit);
        }
        System.out.println(cleaned.counts() + "; of those, " + (cleaned.rows().length - all.length)
                + " whose FER+ majority is contempt, unknown or not-a-face dropped; " + all.length + " usable, " + rows.length
                + " cached");
        Path rowFile = run.resolve("train-rows.txt");
        if (Files.exists(rowFile) && !Arrays.equals(FerPlusRows.read(run), rows)) {
            throw new IllegalStateException(rowFile + " lists other rows: start a new run directory");
        }
        FerPlusRows.write(run, rows);
        Files.writeString(run.resolve("cache-command.txt"), "fnet-cache --data " + data + " --run " + run
                + " --mobilefacenet " + mobileFaceNet + " --copies " + copies + " --seed " + seed + " --limit " + limit + "\n");
        new FeatureCache(run, Files.readAllBytes(mobileFaceNet), seed, System.out)
                .build(FeatureCache.parts(train, rows, publicTest, privateTest, copies, limit));
        return 0;
    }
}
