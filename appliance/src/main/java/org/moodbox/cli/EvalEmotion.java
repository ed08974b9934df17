package org.moodbox.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.opencv_core.Mat;
import org.moodbox.models.eval.SureCoverage;
import org.moodbox.models.fer.FerSet;
import org.moodbox.vision.BoundingBox;
import org.moodbox.vision.EmotionModelKind;
import org.moodbox.vision.GreyFaceEmotionClassifier;
import org.moodbox.vision.DetectedFace;
import org.moodbox.vision.DetectorKind;
import org.moodbox.vision.EmotionClassifier;
import org.moodbox.vision.EmotionReading;
import org.moodbox.vision.EnsembleClassifier;
import org.moodbox.vision.FlipAveragedClassifier;
import org.moodbox.vision.FaceAligner;
import org.moodbox.vision.FacePipeline;
import org.moodbox.vision.FaceReading;
import org.moodbox.vision.FrameAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

/**
 * Runs the appliance's own code on a labelled set: the classifier as shipped, behind the same aligner the
 * live pipeline uses. Face crops (at most {@value #CROP_MAX_SIDE} px a side, like FER-2013's 48x48) go
 * straight to the aligner and classifier, the whole crop being the face; larger photos go through the full
 * {@link FacePipeline} (detector, alignment, classifier) and the largest face counts. Photos with no face
 * found are counted and reported, never dropped silently.
 */
@Command(name = "emotion", mixinStandardHelpOptions = true,
        description = {"Accuracy, recall per class, macro-F1, confusion matrix and milliseconds per face of an",
                "emotion model, run through the appliance's own alignment and classifier; last line JSON.",
                "  moodbox eval emotion --data DIR --split privatetest [--labels fer|ferplus|...] [--model NAME]",
                "  moodbox eval emotion --images FILE --labels FILE   (any gzip IDX set, labels 0..6 in FER order)"})
public final class EvalEmotion implements Callable<Integer> {
    static final int CROP_MAX_SIDE = 64;
    /** Faces classified before timing starts: the first calls pay for XNNPACK's setup. */
    private static final int WARM_UP = 20;

    @Option(names = "--data", paramLabel = "DIR", description = "the FER-2013 folder (gzip IDX files and FER+ votes)")
    Path data;
    @Option(names = "--split", defaultValue = "privatetest", description = "privatetest or publictest (default: ${DEFAULT-VALUE})")
    String split;
    @Option(names = "--labels", paramLabel = "RULE|FILE",
            description = {"with --data: fer (default, FER-2013's labels); ferplus (the standard FER+ test, Microsoft's"
                    + " majority rule: single votes zeroed, faces kept whose top class holds more than half of the"
                    + " rest, unknown and not-a-face dropped; its contempt faces count as misses; also prints the"
                    + " clear and subtle views); ferplus-plurality (the most-voted class, the old rule);"
                    + " ferplus-clear (>= 7 of 10 votes for one non-neutral class); ferplus-subtle (a non-neutral"
                    + " class with 4-6 votes, more than neutral)",
                    "with --images: the gzip IDX label file"})
    String labels;
    @Option(names = "--images", paramLabel = "FILE", description = "a gzip IDX image file [n, rows, cols] (grey)")
    Path images;
    @Option(names = "--model", description = "cnn, cnn-int8 (mini-Xception), dcnn, dcnn-float (our DCNN on FER labels),"
            + " dcnn-votes, dcnn-votes-float, dcnn-votes-flip (our DCNN on the FER+ votes), compact, compact-float"
            + " (our compact net, in training), fnet (our face-pretrained"
            + " net); default: the appliance's own default, ${DEFAULT-VALUE}")
    String model = EmotionModelKind.DEFAULT.id();
    @Option(names = "--model-file", paramLabel = "FILE", description = "an emotion .tflite exported by the lab but not shipped yet (instead of --model)")
    Path modelFile;
    @Option(names = "--flip", description = "average each face with its mirror image (test-time flip averaging)")
    boolean flip;
    @Option(names = "--ensemble-with", paramLabel = "NAME",
            description = "average with a second shipped model (e.g. cnn), each on the same aligned face")
    String ensembleWith;
    @Option(names = "--detector", paramLabel = "NAME", converter = DetectCommand.DetectorName.class,
            description = "face detector for photos: mtcnn, blazeface-full or blazeface-short (default: ${DEFAULT-VALUE})")
    DetectorKind detector = DetectorKind.DEFAULT; // the appliance's own default, shown by --help
    @Option(names = "--limit", defaultValue = "0", description = "evaluate the first N images only (0 = all)")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LabelledFaces set = LabelledFaces.open(data, split, labels, images);
        PrintWriter out = spec.commandLine().getOut();
        EmotionScores scores = new EmotionScores();
        int count = limit > 0 ? Math.min(limit, set.faces().count()) : set.faces().count();
        int excluded = 0;
        int viewsOnly = 0;
        int classified = 0;
        int noFace = 0;
        int photos = 0;
        double timedMs = 0;
        double timedCpuMs = 0;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        int timed = 0;
        double detectMs = 0;
        FerSet faces = set.faces();
        ExpressionViews views = new ExpressionViews(faces, set.rule().views());
        SureCoverage coverage = new SureCoverage();
        EmotionClassifier classifier = classifier();
        String classifierName = classifier.name();
        // The pipeline owns (and closes) the classifier; crops use it directly, as the pipeline does per face.
        try (FacePipeline pipeline = new FacePipeline(detector.create(), classifier);
             FaceAligner aligner = new FaceAligner(classifier.inputSize(), 1.0);
             Mat image = new Mat(faces.rows(), faces.cols(), CV_8UC1)) {
            boolean crops = Math.max(faces.rows(), faces.cols()) <= CROP_MAX_SIDE;
            DetectedFace whole = new DetectedFace(new BoundingBox(0, 0, faces.cols(), faces.rows()), 1f, null);
            for (int i = 0; i < count; i++) {
                int truth = set.label(i);
                if (truth == FerLabelRule.LEFT_OUT) {
                    excluded++;
                    if (!views.wants(i)) {
                        continue;
                    }
                    viewsOnly++;
                }
                image.data().put(faces.pixels(), i * faces.imageSize(), faces.imageSize());
                EmotionReading reading;
                double ms;
                double cpuMs = Double.NaN;
                if (crops) {
                    long c0 = cpu.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    reading = classifier.classify(aligner.align(image, whole));
                    ms = (System.nanoTime() - t0) / 1e6;
                    cpuMs = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
                } else {
                    photos++;
                    FrameAnalysis analysis = pipeline.analyse(image);
                    detectMs += analysis.timings().detectMs();
                    FaceReading largest = analysis.faces().stream()
                            .max((a, b) -> Float.compare(a.face().box().area(), b.face().box().area())).orElse(null);
                    if (largest == null) {
                        noFace++;
                        continue;
                    }
                    reading = largest.emotion();
                    ms = (analysis.timings().alignMs() + analysis.timings().classifyMs()) / analysis.faces().size();
                }
                int predicted = reading.top().ordinal();
                views.add(i, predicted);
                if (truth == FerLabelRule.OUTSIDE_CLASSES) {
                    scores.addOutsideClasses(); // contempt: wrong whatever the model said
                } else if (truth >= 0) {
                    scores.add(truth, predicted);
                }
                if (truth != FerLabelRule.LEFT_OUT) {
                    coverage.add(reading.confidence(), predicted == truth);
                }
                if (++classified > WARM_UP) {
                    timedMs += ms;
                    timedCpuMs += cpuMs;
                    timed++;
                }
            }
            out.printf(Locale.ROOT, "%s on %s (%s labels): %d images, %d evaluated, %d left out by the labels,"
                            + " %d photos without a face%n", crops ? classifier.name() + " (crops straight to the classifier)"
                    : pipeline.describe(), set.source(), set.labelKind(), count,
                    scores.total(), excluded, noFace);
        }
        double msPerFace = timed == 0 ? Double.NaN : timedMs / timed;
        // CPU time of this thread (TFLite runs one thread in the caller): on a busy machine the wall clock
        // also counts the time other processes held the core.
        double cpuMsPerFace = timed == 0 ? Double.NaN : timedCpuMs / timed;
        out.print(scores.table());
        out.print(ContemptCounting.text(scores, set.rule().keepsContempt()));
        out.printf(Locale.ROOT, "accuracy %.4f   macro-F1 %.4f   %.3f ms per face (align + classify, one thread;"
                + " %.3f ms of CPU)%n", scores.accuracy(), scores.macroF1(), msPerFace, cpuMsPerFace);
        if (viewsOnly > 0) {
            out.printf(Locale.ROOT, "%d faces left out by the %s rule were classified for the views only%n",
                    viewsOnly, set.labelKind());
        }
        out.print(views.text());
        out.print(coverage.table());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", modelFile != null ? modelFile.getFileName().toString() : model);
        json.put("classifier", classifierName);
        json.put("source", set.source());
        json.put("labels", set.labelKind());
        json.put("images", count);
        json.put("evaluated", scores.total());
        json.put("leftOutByLabels", excluded);
        json.put("photos", photos);
        json.put("photosWithoutFace", noFace);
        json.put("accuracy", EmotionScores.round(scores.accuracy()));
        ContemptCounting.json(scores, set.rule().keepsContempt(), json);
        json.put("macroF1", EmotionScores.round(scores.macroF1()));
        json.put("recall", scores.recallByLabel());
        json.put("confusion", scores.matrix());
        json.put("msPerFace", EmotionScores.round(msPerFace));
        json.put("cpuMsPerFace", EmotionScores.round(cpuMsPerFace));
        json.put("coverage", coverageRows(coverage));
        if (!set.rule().views().isEmpty()) {
            json.put("views", views.json());
        }
        if (photos > 0) {
            json.put("detectMsPerPhoto", EmotionScores.round(detectMs / photos));
        }
        out.println(new ObjectMapper().writeValueAsString(json));
        out.flush();
        return 0;
    }

    /** The precision-against-coverage table as JSON rows. */
    private static java.util.List<Map<String, Object>> coverageRows(SureCoverage coverage) {
        java.util.List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < SureCoverage.THRESHOLDS.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("threshold", SureCoverage.THRESHOLDS[i]);
            row.put("coverage", EmotionScores.round(coverage.coverage(i)));
            row.put("precision", EmotionScores.round(coverage.precision(i)));
            rows.add(row);
        }
        return rows;
    }

    /** The model asked for, averaged with a second model and/or its mirror view when asked. */
    private EmotionClassifier classifier() {
        EmotionModelKind partner = ensembleWith == null ? null : EmotionModelKind.parse(ensembleWith);
        EmotionClassifier chosen = single();
        if (partner != null) {
            try {
                chosen = new EnsembleClassifier(java.util.List.of(chosen, partner.create()));
            } catch (RuntimeException e) {
                chosen.close(); // the first model is loaded; a partner that fails to load must not leak it
                throw e;
            }
        }
        return flip ? new FlipAveragedClassifier(chosen) : chosen;
    }

    private EmotionClassifier single() {
        if (modelFile != null) {
            if (!Files.isReadable(modelFile)) {
                throw new IllegalArgumentException("cannot read model file " + modelFile);
            }
            return GreyFaceEmotionClassifier.fromFile(modelFile);
        }
        return EmotionModelKind.parse(model).create();
    }
}
