package org.moodbox.lab.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.moodbox.lab.data.Augmenter;
import org.moodbox.lab.net.DcnnBlocks;
import org.moodbox.lab.net.DropoutMasks;
import org.moodbox.lab.net.DcnnLayout;
import org.moodbox.models.fer.FerSet;

/**
 * Trains a {@link org.moodbox.lab.net.DcnnLayout} network (the DCNN or the compact net) with SGD + momentum
 * or Adam on augmented FER-2013 training rows, validates on PublicTest after every epoch, and checkpoints so
 * that running the same command again continues an interrupted run. PrivateTest is never looked at here: it
 * is the final test of the eval command.
 *
 * <p>On resume the weights, the epoch and the learning-rate schedule's position come back, and in an Adam
 * run the optimizer's moments: data order, augmentation and dropout masks are seeded per epoch and batch, so
 * the resumed run takes exactly the steps an unbroken one would. SGD's momentum buffers do not come back
 * (DJL keeps them private), so the first few dozen steps after a resume rebuild them.
 */
public final class DcnnTrainer {
    private static final int PROGRESS_EVERY = 50;
    /** Mid-epoch checkpoints: at 7-60 images a second, 100 batches are 2-15 minutes of work saved. */
    public static final int PARTIAL_EVERY = 100;
    /** And at least this often whatever the pace, so a session that ends loses at most ten minutes. */
    private static final long SAVE_AT_LEAST_EVERY_NANOS = 10L * 60 * 1_000_000_000;
    private static final float ADAM_BETA2 = 0.999f;
    private static final float ADAM_EPSILON = 1e-7f;

    private final FerSet train;
    private final int[] rows;
    private final FerSet validation;
    private final Path runDir;
    private final PrintStream log;
    private final int partialEvery;
    private final BooleanSupplier stopRequested;

    public DcnnTrainer(FerSet train, int[] rows, FerSet validation, Path runDir, PrintStream log) {
        this(train, rows, validation, runDir, log, PARTIAL_EVERY, () -> false);
    }

    /**
     * @param partialEvery  batches between mid-epoch checkpoints
     * @param stopRequested asked after every batch; when true (SIGTERM) the run saves where it is and returns
     */
    public DcnnTrainer(FerSet train, int[] rows, FerSet validation, Path runDir, PrintStream log, int partialEvery,
                       BooleanSupplier stopRequested) {
        this.train = train;
        this.rows = rows;
        this.validation = validation;
        this.runDir = runDir;
        this.log = log;
        this.partialEvery = partialEvery;
        this.stopRequested = stopRequested;
    }

    /** Runs epochs until the run's epoch count is reached; returns the final state. */
    public RunState run(RunState start) throws IOException {
        TrainOptions o = start.options();
        DcnnLayout layout = o.layout();
        int[] usable = o.limit() > 0 && o.limit() < rows.length ? java.util.Arrays.copyOf(rows, o.limit()) : rows;
        int batches = usable.length / o.batchSize();
        if (batches == 0) {
            throw new IllegalArgumentException("only " + usable.length + " training rows for batches of " + o.batchSize());
        }
        Files.createDirectories(runDir);
        Engine.getInstance().setRandomSeed((int) o.seed());
        Targets targets = new Targets(train, usable, o);
        int side = train.rows();
        int pixels = side * train.cols();
        CosineSchedule schedule = new CosineSchedule(o.learningRate(), o.minLearningRate(),
                Math.round(o.warmupEpochs() * batches), (long) o.epochs() * batches, start.step());

        DropoutMasks masks = new DropoutMasks();
        SequentialBlock block = DcnnBlocks.build(layout, masks);
        try (Model model = Model.newInstance("dcnn", Device.cpu())) {
            model.setBlock(block);
            // Weights are loaded before the trainer exists: a trainer keeps the arrays it first saw.
            if (start.step() > 0) {
                Checkpoints.load(block, model.getNDManager(), Checkpoints.latest(runDir, start.step()));
            } else if (o.initFrom() != null) {
                // Fine-tuning: a fresh run starts from another run's weights (the layout must match); its
                // optimizer moments and schedule start afresh.
                Checkpoints.load(block, model.getNDManager(), Path.of(o.initFrom()));
                log.printf("starting from the weights in %s%n", o.initFrom());
            }
            ResumableAdam adam = o.adam() ? new ResumableAdam(schedule, o.momentum(), ADAM_BETA2, ADAM_EPSILON,
                    o.weightDecay()) : null;
            if (adam != null && start.step() > 0) {
                adam.load(block, model.getNDManager(), Checkpoints.latestOptimizer(runDir, start.step()));
            }
            Optimizer optimizer = adam != null ? adam : Optimizer.sgd().setLearningRateTracker(schedule)
                    .optMomentum(o.momentum()).optWeightDecays(o.weightDecay()).build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(new SoftTargetLoss()).optOptimizer(optimizer)
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(o.batchSize(), 1, side, train.cols()));
                log.printf("network %s: %,d parameters, %,d multiply-adds; %d training rows, %d batches of %d;"
                                + " %s, %s augmentation; class weights %s%n",
                        layout.describe(), layout.parameterCount(), layout.multiplyAdds(), usable.length, batches,
                        o.batchSize(), o.optimizer(), o.augmentation(), java.util.Arrays.toString(targets.classWeights()));
                if (start.epochsDone() > 0 && start.partial() == null) {
                    // Proves the checkpoint came back whole: the same weights must score what they scored.
                    Validation.Result again = Validation.run(block, trainer.getManager(), validation, o.validationLimit());
                    EpochResult last = start.history().get(start.history().size() - 1);
                    log.printf("resumed after epoch %d: validation accuracy %.4f (recorded %.4f), schedule step %d%n",
                            start.epochsDone(), again.ferAccuracy(), last.validationAccuracy(), start.step());
                }
                RunState state = start;
                Augmenter augmenter = o.augmentation().equals("wide") ? Augmenter.wide(side) : Augmenter.standard(side);
                long lastSave = System.nanoTime();
                for (int epoch = start.epochsDone() + 1; epoch <= o.epochs(); epoch++) {
                    if (o.outOfPatience(state.epochsDone(), state.bestEpoch())) {
                        log.printf("stopping early: no better validation score for %d epochs (best %.4f at epoch %d)%n",
                                state.epochsDone() - state.bestEpoch(), state.bestValidationAccuracy(), state.bestEpoch());
                        return state;
                    }
                    PartialEpoch resumed = epoch == start.epochsDone() + 1 ? start.partial() : null;
                    int firstBatch = resumed == null ? 0 : resumed.batchesDone();
                    if (resumed != null) {
                        log.printf("resuming epoch %d at batch %d/%d, schedule step %d%n", epoch, firstBatch, batches,
                                start.step());
                    }
                    // Earlier seconds of a resumed epoch count towards its time; t0 is moved back by them.
                    long t0 = System.nanoTime() - (resumed == null ? 0 : (long) (resumed.seconds() * 1e9));
                    int[] order = shuffled(usable, new Random(o.seed() * 1_000_003L + epoch));
                    double lossSum = resumed == null ? 0 : resumed.lossSum();
                    long correct = resumed == null ? 0 : resumed.correct();
                    long seen = resumed == null ? 0 : resumed.seen();
                    long seenBefore = seen;
                    double lrAtStart = schedule.valueAt(schedule.step() - firstBatch);
                    for (int b = firstBatch; b < batches; b++) {
                        // One generator per batch, so a run resumed mid-epoch augments exactly as an unbroken one.
                        Random random = new Random(o.seed() * 7_919L + epoch * 104_729L + b * 15_485_863L);
                        if (layout.groupDropout() > 0) {
                            masks.reseed(random.nextLong()); // only here: runs without it augment as they always did
                        }
                        float[] x = new float[o.batchSize() * pixels];
                        float[] t = new float[o.batchSize() * FerSet.CLASSES];
                        int[] labels = new int[o.batchSize()];
                        for (int i = 0; i < o.batchSize(); i++) {
                            int r = order[b * o.batchSize() + i];
                            augmenter.augment(train.pixels(), r * pixels, x, i * pixels, random);
                            targets.write(r, t, i * FerSet.CLASSES);
                            labels[i] = targets.truth(r);
                        }
                        try (NDManager m = trainer.getManager().newSubManager()) {
                            NDArray input = m.create(x, new Shape(o.batchSize(), 1, side, train.cols()));
                            NDArray target = m.create(t, new Shape(o.batchSize(), FerSet.CLASSES));
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(target), new NDList(logits));
                                gc.backward(loss);
                                lossSum += loss.getFloat() * o.batchSize();
                                long[] predicted = logits.argMax(1).toLongArray();
                                for (int i = 0; i < predicted.length; i++) {
                                    correct += predicted[i] == labels[i] ? 1 : 0;
                                }
                            }
                            trainer.step();
                            schedule.advance();
                        }
                        seen += o.batchSize();
                        if ((b + 1) % PROGRESS_EVERY == 0 && b + 1 < batches) {
                            double s = (System.nanoTime() - t0) / 1e9;
                            double sinceStart = s - (resumed == null ? 0 : resumed.seconds());
                            double rate = (seen - seenBefore) / Math.max(1e-9, sinceStart);
                            log.printf("epoch %d/%d  batch %d/%d  loss %.4f  acc %.3f  %.0f img/s  lr %.5f  epoch ETA %s%n",
                                    epoch, o.epochs(), b + 1, batches, lossSum / seen, (double) correct / seen,
                                    rate, schedule.current(), duration((batches - b - 1) * o.batchSize() / rate));
                        }
                        boolean stop = stopRequested.getAsBoolean();
                        boolean due = (b + 1) % partialEvery == 0 || System.nanoTime() - lastSave > SAVE_AT_LEAST_EVERY_NANOS;
                        if ((due || stop) && b + 1 < batches) {
                            state = state.midEpoch(new PartialEpoch(b + 1, lossSum, correct, seen,
                                    (System.nanoTime() - t0) / 1e9), schedule.step());
                            saveLatest(block, adam, state);
                            lastSave = System.nanoTime();
                            if (stop) {
                                log.printf("stopped in epoch %d after batch %d/%d; the same command resumes here%n",
                                        epoch, b + 1, batches);
                                return state;
                            }
                        }
                    }
                    Validation.Result v = Validation.run(block, trainer.getManager(), validation, o.validationLimit());
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    EpochResult result = new EpochResult(epoch, lossSum / seen, (double) correct / seen,
                            v.ferAccuracy(), v.ferPlusAccuracy(), lrAtStart, seconds, v.standardFerPlusAccuracy());
                    RunState next = state.after(result, schedule.step());
                    if (next.bestEpoch() == epoch) {
                        Checkpoints.save(block, runDir.resolve(Checkpoints.BEST));
                    }
                    saveLatest(block, adam, next);
                    lastSave = System.nanoTime();
                    state = next;
                    log.printf("epoch %d/%d done: loss %.4f  train acc %.4f  val acc %.4f  val FER+ acc %.4f"
                                    + " (standard %.4f)  %.0f s  (best %.4f at epoch %d)  run ETA %s%n",
                            epoch, o.epochs(), result.trainLoss(), result.trainAccuracy(), result.validationAccuracy(),
                            result.validationFerPlusAccuracy(), result.validationStandardFerPlusAccuracy(), seconds,
                            state.bestValidationAccuracy(),
                            state.bestEpoch(), duration(averageSeconds(state) * (o.epochs() - epoch)));
                }
                return state;
            }
        }
    }

    /**
     * Writes the latest checkpoint (weights, and Adam's moments) under the state's step, then the state that names
     * it, then deletes the previous checkpoint: at every moment the state on disk names files that exist.
     */
    private void saveLatest(SequentialBlock block, ResumableAdam adam, RunState state) throws IOException {
        Checkpoints.save(block, Checkpoints.latest(runDir, state.step()));
        if (adam != null) {
            adam.save(block, Checkpoints.latestOptimizer(runDir, state.step()));
        }
        state.write(runDir);
        Checkpoints.keepOnlyLatest(runDir, state.step());
    }

    private static double averageSeconds(RunState state) {
        return state.history().stream().mapToDouble(EpochResult::seconds).skip(Math.max(0, state.history().size() - 5))
                .average().orElse(0);
    }

    private static int[] shuffled(int[] rows, Random random) {
        int[] a = rows.clone();
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
        return a;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60) : String.format("%dm%02ds", s / 60, s % 60);
    }
}
