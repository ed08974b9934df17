package org.moodbox.lab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.moodbox.lab.facenet.FaceNetRun;
import org.moodbox.lab.facenet.FaceNetTrainer;
import org.moodbox.lab.facenet.FerPlusRows;
import org.moodbox.models.facenet.FaceNetEmotionGraph;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.fer.FerSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Fine-tunes MobileFaceNet's tail and an emotion head on the cached activations of fnet-cache. */
@Command(name = "fnet-train", mixinStandardHelpOptions = true,
        description = {"Train the face-pretrained emotion network's tail and head on FER+ vote distributions,",
                "reading the cache of fnet-cache (--cache) and writing checkpoints to --cache/--name.",
                "The same command resumes after the last finished epoch with the options it was started with."})
public final class FnetTrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true) Path data;
    @Option(names = "--cache", required = true, description = "the fnet-cache run directory") Path cache;
    @Option(names = "--name", required = true, description = "this run's folder inside the cache") String name;
    @Option(names = "--mobilefacenet", defaultValue = "models/target/model-sources/mobilefacenet/MobileFaceNet.tflite")
    Path mobileFaceNet;
    @Option(names = "--threads", defaultValue = "1") int threads;
    @Option(names = "--freeze-tail", description = "linear probe: only the dense layer learns") boolean freezeTail;
    @Option(names = "--init", defaultValue = "", description = "start from these weights (another run's best.params)")
    String init;
    @Option(names = "--epochs", defaultValue = "6") int epochs;
    @Option(names = "--batch", defaultValue = "64") int batch;
    @Option(names = "--lr", defaultValue = "0.0005") float lr;
    @Option(names = "--min-lr", defaultValue = "0.00001") float minLr;
    @Option(names = "--warmup-epochs", defaultValue = "0.3") float warmupEpochs;
    @Option(names = "--weight-decay", defaultValue = "0.0001") float weightDecay;
    @Option(names = "--dropout", defaultValue = "0.3") float dropout;
    @Option(names = "--class-weight-power", defaultValue = "0.5") float classWeightPower;
    @Option(names = "--label-smoothing", defaultValue = "0.02") float labelSmoothing;
    @Option(names = "--copies", defaultValue = "3", description = "augmented cache copies to cycle through") int copies;
    @Option(names = "--seed", defaultValue = "20161115") long seed;
    @Option(names = "--head-lr-factor", defaultValue = "10", description = "dense layer's learning rate / the tail's")
    float headLrFactor;

    @Override
    public Integer call() throws Exception {
        Threads.use(threads);
        Path run = cache.resolve(name);
        Files.createDirectories(run);
        FaceNetRun start;
        if (FaceNetRun.exists(run)) {
            start = FaceNetRun.read(run);
            System.out.printf("resuming %s after epoch %d of %d (options from its state.json)%n", run,
                    start.epochsDone(), start.options().epochs());
            if (start.epochsDone() >= start.options().epochs()) {
                System.out.println("this run is finished");
                return 0;
            }
        } else {
            start = FaceNetRun.fresh(new FaceNetRun.Options(freezeTail, init, epochs, batch, lr, minLr, warmupEpochs,
                    weightDecay, dropout, classWeightPower, labelSmoothing, copies, seed, headLrFactor));
        }
        FerSet train = FerSet.load(data, FerSplit.TRAIN);
        FerSet publicTest = FerSet.load(data, FerSplit.PUBLICTEST);
        int[] rows = FerPlusRows.read(cache);
        FaceNetEmotionGraph graph = new FaceNetEmotionGraph(Files.readAllBytes(mobileFaceNet));
        AtomicBoolean stop = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true)));
        new FaceNetTrainer(train, rows, publicTest, graph.tailGraph(), run, System.out, stop::get).run(start);
        return 0;
    }
}
