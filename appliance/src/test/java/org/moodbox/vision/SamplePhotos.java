package org.moodbox.vision;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.moodbox.models.ModelFiles;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

/** The six face-api group photos (22 visible faces), decoded from the models jar. */
final class SamplePhotos {
    static final int VISIBLE_FACES = 22;

    private SamplePhotos() {
    }

    static List<Mat> all() {
        List<Mat> photos = new ArrayList<>();
        for (int i = 1; i <= ModelFiles.SAMPLE_COUNT; i++) {
            photos.add(decode(ModelFiles.bytes(ModelFiles.samplePhoto(i))));
        }
        return photos;
    }

    static Mat decode(byte[] encoded) {
        try (BytePointer data = new BytePointer(encoded); Mat buf = new Mat(1, encoded.length,
                org.bytedeco.opencv.global.opencv_core.CV_8UC1, data)) {
            return imdecode(buf, IMREAD_COLOR);
        }
    }
}
