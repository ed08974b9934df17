package org.moodbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.Moodbox;
import org.moodbox.models.ModelFiles;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.fer.FerSplit;
import picocli.CommandLine;

/** {@code moodbox eval emotion} as a person runs it: crops, photos with and without faces, bad input. */
class EvalEmotionTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void ferCropsGoStraightToTheShippedClassifier() throws Exception {
        Path fer = Path.of(System.getenv().getOrDefault("MOODBOX_SHARED_DATA", "../../shared/data"), "fer2013");
        boolean present = Files.isReadable(fer.resolve("fer2013_privatetest_images.idx3-ubyte.gz"));
        if (!present) {
            System.out.println("skipped: FER-2013 not found at " + fer.toAbsolutePath() + " (set MOODBOX_SHARED_DATA)");
        }
        assumeThat(present).isTrue();
        FerSet test = FerSet.load(fer, FerSplit.PRIVATETEST);
        int n = 200;
        Path images = GzipIdx.write(dir.resolve("crops.gz"), Arrays.copyOf(test.pixels(), n * 48 * 48), n, 48, 48);
        Path labels = GzipIdx.write(dir.resolve("labels.gz"), Arrays.copyOf(test.labels(), n), n);

        StringWriter out = new StringWriter();
        int exit = run(out, "eval", "emotion", "--images", images.toString(), "--labels", labels.toString());

        assertThat(exit).isZero();
        JsonNode result = lastLine(out);
        assertThat(result.get("evaluated").asInt()).isEqualTo(n);
        assertThat(result.get("photos").asInt()).isZero();
        // The mini-Xception reads about two thirds of FER-2013's test faces right; chance is a seventh.
        assertThat(result.get("accuracy").asDouble()).isBetween(0.5, 0.85);
        long confusionTotal = 0;
        for (JsonNode row : result.get("confusion")) {
            for (JsonNode cell : row) {
                confusionTotal += cell.asLong();
            }
        }
        assertThat(confusionTotal).isEqualTo(n);
        assertThat(out.toString()).contains("true\\pred", "macro-F1");
    }

    @Test
    void photosGoThroughTheDetectorAndFacelessOnesAreCounted() throws Exception {
        int w = 640;
        int h = 480;
        int photos = 3;
        int blanks = 2;
        byte[] pixels = new byte[(photos + blanks) * w * h];
        for (int i = 0; i < photos; i++) {
            byte[] jpeg = ModelFiles.bytes(ModelFiles.samplePhoto(i + 1));
            try (Mat encoded = new Mat(1, jpeg.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1);
                 Mat grey = imdecode(put(encoded, jpeg), IMREAD_GRAYSCALE); Mat small = new Mat();
                 Size size = new Size(w, h)) {
                resize(grey, small, size);
                small.data().get(pixels, i * w * h, w * h);
            }
        }
        Arrays.fill(pixels, photos * w * h, pixels.length, (byte) 128); // flat grey: nobody there
        byte[] labels = new byte[photos + blanks];
        Arrays.fill(labels, (byte) 3);
        Path images = GzipIdx.write(dir.resolve("photos.gz"), pixels, photos + blanks, h, w);
        Path labelFile = GzipIdx.write(dir.resolve("labels.gz"), labels, labels.length);

        StringWriter out = new StringWriter();
        int exit = run(out, "eval", "emotion", "--images", images.toString(), "--labels", labelFile.toString());

        assertThat(exit).isZero();
        JsonNode result = lastLine(out);
        assertThat(result.get("photos").asInt()).isEqualTo(photos + blanks);
        assertThat(result.get("photosWithoutFace").asInt()).isEqualTo(blanks);
        assertThat(result.get("evaluated").asInt()).isEqualTo(photos);
        assertThat(result.get("detectMsPerPhoto").asDouble()).isPositive();
    }

    @Test
    void badInputGetsAClearErrorNamingTheProblem() throws Exception {
        Path notGzip = Files.writeString(dir.resolve("images.gz"), "hello");
        Path labels = GzipIdx.write(dir.resolve("labels.gz"), new byte[] {1, 9}, 2);
        Path images = GzipIdx.write(dir.resolve("crops.gz"), new byte[2 * 48 * 48], 2, 48, 48);
        Path shortLabels = GzipIdx.write(dir.resolve("short.gz"), new byte[] {1}, 1);

        StringWriter err = new StringWriter();
        assertThat(run(err, "eval", "emotion", "--images", notGzip.toString(), "--labels", labels.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("images.gz", "not a gzip file");

        err = new StringWriter();
        assertThat(run(err, "eval", "emotion", "--images", images.toString(), "--labels", labels.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("label 9 at row 1");

        err = new StringWriter();
        assertThat(run(err, "eval", "emotion", "--images", images.toString(), "--labels", shortLabels.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("2 images", "1 labels");

        err = new StringWriter();
        assertThat(run(err, "eval", "emotion", "--data", dir.toString(), "--images", images.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("either --data");

        err = new StringWriter();
        assertThat(run(err, "eval", "emotion", "--data", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("holds no FER-2013 privatetest split");

        err = new StringWriter();
        Path goodLabels = GzipIdx.write(dir.resolve("good.gz"), new byte[] {1, 2}, 2);
        assertThat(run(err, "eval", "emotion", "--images", images.toString(), "--labels", goodLabels.toString(),
                "--model", "vgg")).isEqualTo(1);
        assertThat(err.toString()).contains("unknown emotion model 'vgg'", "cnn or dcnn");
    }

    private static Mat put(Mat m, byte[] bytes) {
        m.data().put(bytes);
        return m;
    }

    private JsonNode lastLine(StringWriter out) throws Exception {
        List<String> lines = out.toString().lines().toList();
        return json.readTree(lines.get(lines.size() - 1));
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cli = Moodbox.commandLine();
        PrintWriter writer = new PrintWriter(out, true);
        cli.setOut(writer);
        cli.setErr(writer);
        return cli.execute(args);
    }
}
