package org.moodbox.models.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.moodbox.models.ModelFiles;

/** What the jar carries: every ship file with its pinned hash, the converted CNN, and no build-only input. */
class ShippedModelFilesTest {
    private static final ModelManifest MANIFEST =
            ModelManifest.read(Path.of(System.getProperty("basedir", ".")).resolve("model-manifest.json"));

    @Test
    void everyShipFileIsOnTheClasspathWithItsPinnedHash() {
        MANIFEST.files().stream().filter(FetchedFile::ship).forEach(f ->
                assertThat(Sha256.of(ModelFiles.bytes(f.installAs()))).as(f.installAs()).isEqualTo(f.sha256()));
        for (String name : new String[] {ModelFiles.MTCNN_PNET, ModelFiles.MTCNN_RNET, ModelFiles.MTCNN_ONET,
                ModelFiles.BLAZEFACE_SHORT, ModelFiles.BLAZEFACE_FULL, ModelFiles.samplePhoto(ModelFiles.SAMPLE_COUNT)}) {
            assertThat(ModelFiles.bytes(name)).as(name).isNotEmpty();
        }
    }

    @Test
    void theInt8ModelsShipAndAreSmallerThanTheirFloatOriginals() {
        String[][] pairs = {{ModelFiles.EMOTION_CNN, ModelFiles.EMOTION_CNN_INT8},
                {ModelFiles.MTCNN_RNET, ModelFiles.MTCNN_RNET_INT8}, {ModelFiles.MTCNN_ONET, ModelFiles.MTCNN_ONET_INT8},
                {ModelFiles.MTCNN_PNET, ModelFiles.MTCNN_PNET_INT8}};
        for (String[] pair : pairs) {
            assertThat(ModelFiles.bytes(pair[1]).length).as(pair[1]).isLessThan(ModelFiles.bytes(pair[0]).length / 2);
        }
    }

    @Test
    void theConvertedEmotionModelShipsAndTheTfjsSourceDoesNot() {
        byte[] tflite = ModelFiles.bytes(ModelFiles.EMOTION_CNN);
        assertThat(new String(tflite, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("TFL3");
        assertThat(ModelFiles.class.getResource("/org/moodbox/models/files/" + ModelFiles.EMOTION_TFJS_BIN)).isNull();
    }
}
