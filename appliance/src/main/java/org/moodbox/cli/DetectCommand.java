package org.moodbox.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.moodbox.vision.DetectorKind;
import org.moodbox.vision.EmotionModelKind;
import org.moodbox.vision.FacePipeline;
import org.moodbox.vision.FrameAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/** {@code moodbox detect FILE...}: faces, landmarks and emotions as one JSON object per image or frame. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Finds faces in images or video files and reads their expressions.",
                "Prints one JSON object per image or frame: each face with box, score, five landmarks,",
                "emotion label and all seven probabilities, plus milliseconds per stage."})
public final class DetectCommand implements Callable<Integer> {
    private static final List<String> IMAGE_TYPES = List.of("jpg", "jpeg", "png", "bmp", "webp", "tif", "tiff", "pgm", "ppm");

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "images (jpg, png, ...) or videos (any FFmpeg format)")
    List<Path> files;

    @Option(names = "--every", paramLabel = "N", defaultValue = "1", description = "in videos, analyse every Nth frame (default: ${DEFAULT-VALUE})")
    int every;

    @Option(names = "--max-frames", paramLabel = "N", defaultValue = "1000", description = "in videos, stop after N analysed frames (default: ${DEFAULT-VALUE})")
    int maxFrames;

    @Option(names = "--detector", paramLabel = "NAME", converter = DetectorName.class,
            description = "face detector: mtcnn, mtcnn-int8, blazeface-full or blazeface-short (default: ${DEFAULT-VALUE})")
    DetectorKind detector = DetectorKind.DEFAULT; // the appliance's own default, shown by --help

    @Option(names = "--emotion-model", paramLabel = "NAME", converter = EmotionModelName.class,
            description = "emotion model: cnn, cnn-int8, dcnn, dcnn-float or fnet (default: ${DEFAULT-VALUE})")
    EmotionModelKind emotionModel = EmotionModelKind.DEFAULT; // the appliance's own default, shown by --help

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        if (every < 1 || maxFrames < 1) {
            throw new IllegalArgumentException("--every and --max-frames must be at least 1");
        }
        int failures = 0;
        try (FacePipeline pipeline = FacePipeline.create(detector, emotionModel)) {
            for (Path file : files) {
                if (!Files.isReadable(file)) {
                    print(error(file, "cannot read file"));
                    failures++;
                } else if (isImage(file)) {
                    failures += image(pipeline, file) ? 0 : 1;
                } else {
                    failures += video(pipeline, file) ? 0 : 1;
                }
            }
        }
        return failures == 0 ? 0 : 2;
    }

    private boolean image(FacePipeline pipeline, Path file) throws Exception {
        long t0 = System.nanoTime();
        try (Mat frame = imread(file.toString(), IMREAD_UNCHANGED)) {
            double decodeMs = (System.nanoTime() - t0) / 1e6;
            if (frame == null || frame.empty()) {
                print(error(file, "not a readable image"));
                return false;
            }
            FrameAnalysis analysis = pipeline.analyse(frame);
            print(AnalysisJson.of(file.toString(), null, analysis, decodeMs));
            return analysis.problem() == null;
        }
    }

    private boolean video(FacePipeline pipeline, Path file) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            try {
                grabber.start();
            } catch (FFmpegFrameGrabber.Exception e) {
                print(error(file, "not a readable image or video"));
                return false;
            }
            int index = 0;
            int analysed = 0;
            while (analysed < maxFrames) {
                long t0 = System.nanoTime();
                Frame frame = grabber.grabImage();
                if (frame == null) {
                    break;
                }
                if (index++ % every != 0) {
                    continue;
                }
                Mat mat = converter.convert(frame);
                double decodeMs = (System.nanoTime() - t0) / 1e6;
                print(AnalysisJson.of(file.toString(), index - 1, pipeline.analyse(mat), decodeMs));
                analysed++;
            }
            grabber.stop();
            if (analysed == 0) {
                print(error(file, "no video frames in file"));
                return false;
            }
            return true;
        }
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && IMAGE_TYPES.contains(name.substring(dot + 1));
    }

    private static Map<String, Object> error(Path file, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toString());
        out.put("error", message);
        return out;
    }

    private void print(Map<String, Object> object) throws Exception {
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.println(json.writeValueAsString(object));
        out.flush();
    }

    /** A name picocli reads into a choice; an unknown one is a usage error that lists the names there are. */
    abstract static class ByName<T> implements picocli.CommandLine.ITypeConverter<T> {
        abstract T parse(String name);

        @Override
        public final T convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    public static final class DetectorName extends ByName<DetectorKind> {
        @Override
        DetectorKind parse(String name) {
            return DetectorKind.parse(name);
        }
    }

    static final class EmotionModelName extends ByName<EmotionModelKind> {
        @Override
        EmotionModelKind parse(String name) {
            return EmotionModelKind.parse(name);
        }
    }
}
