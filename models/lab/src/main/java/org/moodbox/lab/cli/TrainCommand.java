package org.moodbox.lab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.moodbox.lab.data.TrainingRows;
import org.moodbox.lab.train.DcnnTrainer;
import org.moodbox.lab.train.RunState;
import org.moodbox.lab.train.TrainOptions;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.fer.FerSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts a run, or continues it when the run directory already holds a state file. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the DCNN or the compact net on FER-2013 (validation on PublicTest after every epoch).",
                "Checkpoints go to --run after every epoch; the same command again resumes an interrupted run",
                "with the options it was started with."})
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "the shared fer2013 folder (gzip IDX files)")
    Path data;
    @Option(names = "--run", required = true, description = "run directory: checkpoints, state.json")
    Path run;
    @Option(names = "--threads", defaultValue = "1", description = "PyTorch threads (default: ${DEFAULT-VALUE})")
    int threads;
    @Option(names = "--stop-after-minutes", defaultValue = "0",
            description = {"save and exit with code " + STOPPED_TO_RESUME + " after this many minutes (0 = never): an",
                    "Adam run's native memory grows while it runs (models/runs/README.md), so long runs are",
                    "restarted in a loop; the run resumes exactly where it stopped"})
    int stopAfterMinutes;

    /** The exit code of a run stopped by --stop-after-minutes, to be resumed (EX_TEMPFAIL). */
    static final int STOPPED_TO_RESUME = 75;

    @Option(names = "--stages", defaultValue = "32/64,64/128,128/256,256",
            description = "conv widths per stage, stages split by / (default: ${DEFAULT-VALUE})")
    String stages;
    @Option(names = "--dropout", defaultValue = "0.4") float dropout;
    @Option(names = "--epochs", defaultValue = "60") int epochs;
    @Option(names = "--batch", defaultValue = "64") int batch;
    @Option(names = "--lr", defaultValue = "0.02", description = "peak learning rate (default: ${DEFAULT-VALUE})")
    float learningRate;
    @Option(names = "--min-lr", defaultValue = "0.0001") float minLearningRate;
    @Option(names = "--warmup-epochs", defaultValue = "1") float warmupEpochs;
    @Option(names = "--momentum", defaultValue = "0.9") float momentum;
    @Option(names = "--weight-decay", defaultValue = "0.0005") float weightDecay;
    @Option(names = "--label-smoothing", defaultValue = "0.05") float labelSmoothing;
    @Option(names = "--class-weight-power", defaultValue = "0.5",
            description = "loss weight (mean count / class count)^p: 0 none, 1 fully balanced (default: ${DEFAULT-VALUE})")
    float classWeightPower;
    @Option(names = "--ferplus-weight", defaultValue = "0",
            description = "0 = FER labels, 1 = FER+ vote distributions as soft labels (default: ${DEFAULT-VALUE})")
    float ferPlusWeight;
    @Option(names = "--seed", defaultValue = "20130710") long seed;
    @Option(names = "--limit", defaultValue = "0", description = "train on the first N kept rows only (0 = all)")
    int limit;
    @Option(names = "--validation-limit", defaultValue = "0", description = "validate on the first N rows only (0 = all)")
    int validationLimit;
    @Option(names = "--conv", defaultValue = "plain",
            description = "plain 3x3 convolutions (the DCNN) or separable (the compact net) (default: ${DEFAULT-VALUE})")
    String conv;
    @Option(names = "--group-dropout", defaultValue = "0",
            description = "spatial dropout after each stage's pool (default: ${DEFAULT-VALUE})")
    float groupDropout;
    @Option(names = "--optimizer", defaultValue = "sgd",
            description = "sgd (momentum not saved) or adam (AdamW; --momentum is its beta1; moments saved with each"
                    + " checkpoint, so a resumed run takes the unbroken run's steps) (default: ${DEFAULT-VALUE})")
    String optimizer;
    @Option(names = "--augment", defaultValue = "standard",
            description = "standard (+-10 deg, +-4 px, +-10%% zoom) or wide (+-30 deg, shift/zoom/shear 0.2, brightness"
                    + " x0.2-1.2) (default: ${DEFAULT-VALUE})")
    String augmentation;
    @Option(names = "--patience", defaultValue = "0",
            description = "stop when PublicTest has not improved for this many epochs (0 = never) (default: ${DEFAULT-VALUE})")
    int patience;
    @Option(names = "--teacher", description = "a teacher file from lab teacher: distil its probabilities into this run")
    String teacher;
    @Option(names = "--teacher-weight", defaultValue = "0",
            description = "the teacher's share of each target, 0-1 (default: ${DEFAULT-VALUE})")
    float teacherWeight;
    @Option(names = "--init-from", description = "start a new run from these weights (.params of a run of the same layout)")
    String initFrom;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Threads.use(threads);
        RunState start;
        if (RunState.exists(run)) {
            start = RunState.read(run);
            System.out.printf("resuming %s after epoch %d of %d (options from its state.json; only --threads applies)%n",
                    run, start.epochsDone(), start.options().epochs());
            if (start.epochsDone() >= start.options().epochs()) {
                System.out.println("this run is finished; best validation accuracy " + start.bestValidationAccuracy()
                        + " at epoch " + start.bestEpoch());
                return 0;
            }
        } else {
            start = RunState.fresh(new TrainOptions(stages, dropout, epochs, batch, learningRate, minLearningRate,
                    warmupEpochs, momentum, weightDecay, labelSmoothing, classWeightPower, ferPlusWeight, seed, limit,
                    validationLimit, conv, groupDropout, optimizer, augmentation, patience, teacher, teacherWeight,
                    initFrom));
            java.nio.file.Files.createDirectories(run);
            // The command that started the run, so anyone can see (and repeat) what it is; the same command resumes.
            java.nio.file.Files.writeString(run.resolve("COMMAND.txt"), "moodbox lab "
                    + String.join(" ", spec.commandLine().getParseResult().originalArgs()) + "\n");
        }
        FerSet train = FerSet.load(data, FerSplit.TRAIN);
        FerSet publicTest = FerSet.load(data, FerSplit.PUBLICTEST);
        FerSet privateTest = FerSet.load(data, FerSplit.PRIVATETEST);
        TrainingRows rows = TrainingRows.select(train, List.of(publicTest, privateTest));
        System.out.println(rows.counts());
        int[] trained = rows.rows();
        if (start.options().judgedByFerPlus()) {
            trained = rows.withFerPlusMajority(train);
            System.out.printf("on the FER+ votes: %d rows whose FER+ majority is contempt, unknown or not-a-face"
                    + " dropped; %d trained%n", rows.rows().length - trained.length, trained.length);
        }
        // SIGTERM (kill PID, a session ending politely) saves the batch in hand instead of losing the epoch.
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch saved = new CountDownLatch(1);
        long deadline = stopAfterMinutes > 0 ? System.nanoTime() + stopAfterMinutes * 60_000_000_000L : Long.MAX_VALUE;
        AtomicBoolean timeUp = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                saved.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            java.util.function.BooleanSupplier stopNow = () -> {
                if (System.nanoTime() > deadline) {
                    timeUp.set(true);
                }
                return stop.get() || timeUp.get();
            };
            RunState end = new DcnnTrainer(train, trained, publicTest, run, System.out, DcnnTrainer.PARTIAL_EVERY,
                    stopNow).run(start);
            if (timeUp.get() && end.epochsDone() < end.options().epochs()) {
                return STOPPED_TO_RESUME;
            }
            if (end.epochsDone() >= end.options().epochs()) {
                System.out.printf("run finished: %d epochs, best validation accuracy %.4f at epoch %d%n",
                        end.epochsDone(), end.bestValidationAccuracy(), end.bestEpoch());
            }
        } finally {
            saved.countDown();
        }
        return 0;
    }
}
