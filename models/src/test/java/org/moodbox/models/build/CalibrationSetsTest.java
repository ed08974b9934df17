package org.moodbox.models.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.moodbox.models.ModelFiles;
import org.moodbox.models.SampleFaces;
import org.moodbox.models.quantize.CalibrationSample;
import org.moodbox.models.quantize.FloatTensor;

/**
 * The int8 models are judged on photos they were not calibrated on: the two photo sets are disjoint, and the
 * held-out photos' pixels never reach a calibration set (blanking them changes no calibration input).
 */
class CalibrationSetsTest {
    private static final List<String> SETS = List.of("emotion-faces", "mtcnn-pnet", "mtcnn-rnet", "mtcnn-onet");

    @Test
    void calibrationAndHeldOutPhotosAreDisjointAndCoverEveryPhoto() {
        assertThat(SampleFaces.CALIBRATION_PHOTOS).doesNotContainAnyElementsOf(SampleFaces.HELD_OUT_PHOTOS);
        List<Integer> all = new ArrayList<>(SampleFaces.CALIBRATION_PHOTOS);
        all.addAll(SampleFaces.HELD_OUT_PHOTOS);
        assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, ModelFiles.SAMPLE_COUNT).boxed().toList());
        assertThat(SampleFaces.heldOutFaces()).hasSize(6).allMatch(f -> SampleFaces.HELD_OUT_PHOTOS.contains(f.photo()));
        assertThat(SampleFaces.calibrationFaces()).hasSize(16).noneMatch(f -> SampleFaces.HELD_OUT_PHOTOS.contains(f.photo()));
    }

    @Test
    void noPixelOfAHeldOutPhotoReachesAnyCalibrationSet() throws IOException {
        List<BufferedImage> frames = new ArrayList<>();
        List<BufferedImage> heldOutBlanked = new ArrayList<>();
        for (int photo = 1; photo <= ModelFiles.SAMPLE_COUNT; photo++) {
            BufferedImage frame = SampleFrames.letterbox(ImageIO.read(new ByteArrayInputStream(
                    ModelFiles.bytes(ModelFiles.samplePhoto(photo)))));
            frames.add(frame);
            heldOutBlanked.add(SampleFaces.HELD_OUT_PHOTOS.contains(photo) ? grey(frame) : frame);
        }
        CalibrationSets real = new CalibrationSets(frames);
        CalibrationSets blanked = new CalibrationSets(heldOutBlanked);
        for (String set : SETS) {
            List<CalibrationSample> a = real.named(set);
            List<CalibrationSample> b = blanked.named(set);
            assertThat(a).as(set).isNotEmpty().hasSameSizeAs(b);
            for (int i = 0; i < a.size(); i++) {
                FloatTensor x = a.get(i).inputs().get(0);
                FloatTensor y = b.get(i).inputs().get(0);
                assertThat(y.shape()).as(set + " sample " + i).containsExactly(x.shape());
                assertThat(y.values()).as(set + " sample " + i).containsExactly(x.values());
            }
        }
    }

    private static BufferedImage grey(BufferedImage like) {
        BufferedImage blank = new BufferedImage(like.getWidth(), like.getHeight(), like.getType());
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, blank.getWidth(), blank.getHeight());
        g.dispose();
        return blank;
    }
}
