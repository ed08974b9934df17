package org.moodbox.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.moodbox.camera.DemoVideo;
import org.moodbox.models.ModelFiles;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/**
 * The benchmark's camera: the six face-api sample photos letterboxed to 640x480 exactly as the demo
 * video does, held as in-memory JPEGs so that {@link #decode} costs what an MJPEG camera frame costs.
 * Frames stay in this object (never written or logged); decoding reuses one Mat, so the steady state
 * allocates no pixel buffers.
 */
public final class BenchFrames implements AutoCloseable {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    /** Faces a person can see in the six photos together (counted by hand, see FINDINGS.md). */
    public static final int VISIBLE_FACES = 22;

    private final List<BytePointer> data = new ArrayList<>();
    private final List<Mat> encoded = new ArrayList<>();
    private final Mat decoded = new Mat(HEIGHT, WIDTH, CV_8UC3);

    public BenchFrames() {
        try (Mat canvas = new Mat(HEIGHT, WIDTH, CV_8UC3)) {
            for (int i = 1; i <= ModelFiles.SAMPLE_COUNT; i++) {
                DemoVideo.letterbox(ModelFiles.bytes(ModelFiles.samplePhoto(i)), canvas);
                try (BytePointer jpeg = new BytePointer()) {
                    if (!imencode(".jpg", canvas, jpeg)) {
                        throw new IllegalStateException("cannot encode sample " + i);
                    }
                    // Own copy: the encoder's buffer is freed with its pointer.
                    BytePointer copy = new BytePointer(jpeg.limit());
                    copy.put(jpeg.position(0).limit(jpeg.limit()));
                    data.add(copy);
                    encoded.add(new Mat(1, (int) jpeg.limit(), CV_8UC1, copy));
                }
            }
        }
    }

    public int count() {
        return encoded.size();
    }

    /** Decodes frame {@code i} into the one reused Mat and returns it; valid until the next call. */
    public Mat decode(int i) {
        imdecode(encoded.get(i), IMREAD_COLOR, decoded);
        return decoded;
    }

    /**
     * Streams every frame as raw RGB (width*height*3 bytes each, in order) to the peer benchmark's
     * stdin: the pixels go to a pipe of a child process, never to a file or a log.
     */
    public void writeRgb(OutputStream out) throws IOException {
        for (int i = 0; i < count(); i++) {
            HumanPeer.writeRgb(decode(i), out);
        }
        out.flush();
    }

    @Override
    public void close() {
        decoded.close();
        encoded.forEach(Mat::close);
        data.forEach(BytePointer::close);
    }
}
