package org.moodbox.lab.facenet;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.moodbox.lab.train.Checkpoints;
import org.moodbox.lab.train.ClassWeights;
import org.moodbox.lab.train.CosineSchedule;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.quantize.FloatGraph;

/**
 * Trains {@link FaceNetEmotionNet} on cached block activations: targets are the FER+ vote distributions over
 * the seven classes (renormalised, lightly smoothed), weighted per class by (mean count / count)^p of the FER+
 * majority labels; Adam with weight decay, linear warm-up then cosine; one cache copy per epoch (plain, then
 * the augmented ones in turn). PublicTest (cached, plain) validates every epoch; the best epoch by its FER+
 * majority accuracy is kept as best.params. The same command resumes after the last finished epoch.
 */
public final class FaceNetTrainer {
    private static final int PROGRESS_EVERY = 100;

    private final FerSet train;
    private final int[] rows;
    private final FerSet publicTest;
    private final FloatGraph tailGraph;
    private final Path run;
    private final PrintStream log;
    private final BooleanSupplier stop;

    public FaceNetTrainer(FerSet train, int[] rows, FerSet publicTest, FloatGraph tailGraph, Path run, PrintStream log,
                          BooleanSupplier stop) {
        this.train = train;
        this.rows = rows;
        this.publicTest = publicTest;
        this.tailGraph = tailGraph;
        this.run = run;
        this.log = log;
        this.stop = stop;
    }

    public FaceNetRun run(FaceNetRun start) throws IOException {
        FaceNetRun.Options o = start.options();
        int batches = rows.length / o.batch();
        Engine.getInstance().setRandomSeed((int) o.seed());
        float[] classWeights = ClassWeights.of(rows, train::ferPlusMajority, o.classWeightPower());
        float[][] targets = targets(classWeights, o.labelSmoothing());
        CosineSchedule schedule = new CosineSchedule(o.lr(), o.minLr(), Math.round(o.warmupEpochs() * batches),
                (long) o.epochs() * batches, start.step());
        FaceNetEmotionNet net = new FaceNetEmotionNet(tailGraph, o.dropout());
        FeatureCache.Loaded validation = FeatureCache.loadSplit(run.getParent(), "publictest", publicTest);
        try (Model model = Model.newInstance("fnet", Device.cpu())) {
            model.setBlock(net.block);
            // Weights are loaded before the trainer exists: a trainer keeps the arrays it first saw, so weights
            // loaded after trainer.initialize() would be shown to evaluation but not to training.
            if (start.epochsDone() > 0) {
                Checkpoints.load(net.block, model.getNDManager(), epochFile(start.epochsDone()));
                log.printf("resumed after epoch %d, schedule step %d%n", start.epochsDone(), start.step());
            } else if (!o.init().isEmpty()) {
                Checkpoints.load(net.block, model.getNDManager(), Path.of(o.init()));
                log.printf("started from %s%n", o.init());
            }
            java.util.Set<String> head = new java.util.HashSet<>();
            net.dense.getParameters().values().forEach(p -> head.add(p.getId()));
            float factor = o.headLrFactor() > 0 ? o.headLrFactor() : 1f;
            ai.djl.training.tracker.ParameterTracker rates = (parameterId, updates) ->
                    schedule.getNewValue(updates) * (head.contains(parameterId) ? factor : 1f);
            Optimizer adam = Optimizer.adamW().optLearningRateTracker(rates).optWeightDecays(o.weightDecay()).build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(new SoftLoss()).optOptimizer(adam)
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(o.batch(), 128, 7, 7));
                net.freezeTail(o.freezeTail());
                log.printf("%d training rows, %d batches of %d; tail %s; class weights %s%n", rows.length, batches,
                        o.batch(), o.freezeTail() ? "frozen (linear probe)" : "trained", java.util.Arrays.toString(classWeights));
                FaceNetRun state = start;
                for (int epoch = start.epochsDone() + 1; epoch <= o.epochs(); epoch++) {
                    String partName = "train-" + ((epoch - 1) % (o.copies() + 1));
                    FeatureCache.Loaded part = cachedOrPlain(partName);
                    long t0 = System.nanoTime();
                    int[] order = shuffled(rows.length, new Random(o.seed() * 1_000_003L + epoch));
                    double lossSum = 0;
                    long correct = 0;
                    long seen = 0;
                    float[] x = new float[o.batch() * FeatureCache.VALUES];
                    float[] t = new float[o.batch() * FerSet.CLASSES];
                    for (int b = 0; b < batches; b++) {
                        int[] majority = new int[o.batch()];
                        for (int i = 0; i < o.batch(); i++) {
                            int k = order[b * o.batch() + i];
                            part.floats(k, x, i * FeatureCache.VALUES);
                            System.arraycopy(targets[k], 0, t, i * FerSet.CLASSES, FerSet.CLASSES);
                            majority[i] = train.ferPlusMajority(rows[k]);
                        }
                        try (NDManager m = trainer.getManager().newSubManager()) {
                            NDArray input = m.create(x, new Shape(o.batch(), 7, 7, 128)).transpose(0, 3, 1, 2);
                            NDArray target = m.create(t, new Shape(o.batch(), FerSet.CLASSES));
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(target), new NDList(logits));
                                gc.backward(loss);
                                lossSum += loss.getFloat() * o.batch();
                                long[] predicted = logits.argMax(1).toLongArray();
                                for (int i = 0; i < predicted.length; i++) {
                                    correct += predicted[i] == majority[i] ? 1 : 0;
                                }
                            }
                            trainer.step();
                            schedule.advance();
                        }
                        seen += o.batch();
                        if ((b + 1) % PROGRESS_EVERY == 0) {
                            double s = (System.nanoTime() - t0) / 1e9;
                            double rate = seen / s;
                            double left = (batches - b - 1) * o.batch() / rate
                                    + (double) (o.epochs() - epoch) * batches * o.batch() / rate;
                            log.printf("epoch %d/%d (%s) batch %d/%d  loss %.4f  acc %.3f  %.0f faces/s  lr %.6f  ETA %.1f min%n",
                                    epoch, o.epochs(), partName, b + 1, batches, lossSum / seen, (double) correct / seen,
                                    rate, schedule.current(), left / 60);
                        }
                        if (stop.getAsBoolean()) {
                            log.printf("stopped in epoch %d; the same command resumes after epoch %d%n", epoch,
                                    state.epochsDone());
                            return state;
                        }
                    }
                    Scores v = Scores.of(Predict.probabilities(net.block, trainer.getManager(), validation), publicTest);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    FaceNetRun.Epoch e = new FaceNetRun.Epoch(epoch, partName, lossSum / seen, (double) correct / seen,
                            v.ferPlusAccuracy(), v.ferAccuracy(), seconds);
                    FaceNetRun next = state.after(e, schedule.step());
                    Checkpoints.save(net.block, epochFile(epoch));
                    if (next.bestEpoch() == epoch) {
                        Checkpoints.save(net.block, run.resolve(Checkpoints.BEST));
                    }
                    next.write(run);
                    state = next;
                    log.printf("epoch %d/%d done (%s): loss %.4f  train FER+ acc %.4f  PublicTest FER+ %.4f FER %.4f"
                                    + "  %.0f s  (best %.4f at epoch %d)%n", epoch, o.epochs(), partName, e.loss(),
                            e.trainAcc(), e.valFerPlusAcc(), e.valFerAcc(), seconds, state.best(), state.bestEpoch());
                }
                return state;
            }
        }
    }

    /** Runs live inside the cache folder ({@code <cache>/<run>}): the cache is the run's parent. */
    private FeatureCache.Loaded cachedOrPlain(String partName) throws IOException {
        Path cache = run.getParent();
        if (FeatureCache.facesIn(cache.resolve(partName + ".bf16")) == rows.length) {
            return FeatureCache.load(cache, partName, rows.length);
        }
        // the newest complete augmented copy, else the plain faces
        for (int c = 9; c >= 1; c--) {
            if (FeatureCache.facesIn(cache.resolve("train-" + c + ".bf16")) == rows.length) {
                log.printf("cache part %s is not complete yet: this epoch reads train-%d%n", partName, c);
                return FeatureCache.load(cache, "train-" + c, rows.length);
            }
        }
        log.printf("cache part %s is not complete yet: this epoch reads train-0 (plain)%n", partName);
        return FeatureCache.load(cache, "train-0", rows.length);
    }

    private Path epochFile(int epoch) {
        return run.resolve(String.format("epoch-%03d.params", epoch));
    }

    private float[][] targets(float[] classWeights, float smoothing) {
        float[][] out = new float[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            float[] p = train.ferPlusDistribution(rows[k]);
            float weight = classWeights[train.ferPlusMajority(rows[k])];
            float[] t = new float[FerSet.CLASSES];
            for (int c = 0; c < t.length; c++) {
                t[c] = ((1 - smoothing) * p[c] + smoothing / FerSet.CLASSES) * weight;
            }
            out[k] = t;
        }
        return out;
    }

    private static int[] shuffled(int n, Random random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
        return a;
    }

    /** -sum_c target_c log softmax(logits)_c, averaged over the batch; targets carry the row's class weight. */
    static final class SoftLoss extends Loss {
        SoftLoss() {
            super("soft_target_cross_entropy");
        }

        @Override
        public NDArray evaluate(NDList targets, NDList logits) {
            return logits.singletonOrThrow().logSoftmax(1).mul(targets.singletonOrThrow()).sum(new int[] {1}).neg().mean();
        }
    }
}
