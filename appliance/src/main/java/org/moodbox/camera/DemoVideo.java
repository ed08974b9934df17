package org.moodbox.camera;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.moodbox.models.ModelFiles;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The demo camera: a 640x480 MJPEG video made from the six face-api sample photos (never from a
 * real camera), each held for a few seconds, so the demo shows a changing room of faces.
 */
public final class DemoVideo {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    public static final int FPS = 5;
    private static final int SECONDS_PER_PHOTO = 6;

    private DemoVideo() {
    }

    /** Makes the video once into {@code folder} and returns its path. */
    public static Path ensure(Path folder) throws IOException {
        Path video = folder.resolve("demo-camera.mkv");
        if (Files.isRegularFile(video) && Files.size(video) > 0) {
            return video;
        }
        Files.createDirectories(folder);
        Path partial = folder.resolve("demo-camera.partial.mkv");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(partial.toFile(), WIDTH, HEIGHT, 0);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             Mat canvas = new Mat(HEIGHT, WIDTH, CV_8UC3)) {
            recorder.setFormat("matroska");
            recorder.setVideoCodec(AV_CODEC_ID_MJPEG);
            recorder.setPixelFormat(AV_PIX_FMT_YUVJ420P);
            recorder.setFrameRate(FPS);
            recorder.setVideoBitrate(4_000_000); // sharp enough that small faces stay detectable
            recorder.start();
            for (int i = 1; i <= ModelFiles.SAMPLE_COUNT; i++) {
                letterbox(ModelFiles.bytes(ModelFiles.samplePhoto(i)), canvas);
                for (int f = 0; f < FPS * SECONDS_PER_PHOTO; f++) {
                    recorder.record(converter.convert(canvas));
                }
            }
            recorder.stop();
        }
        // Rename only when complete, so an interrupted build never leaves a half video behind.
        Files.move(partial, video, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return video;
    }

    /** Scales a photo to fit the 640x480 canvas with its aspect kept, on black (also the vision bench's frames). */
    public static void letterbox(byte[] jpeg, Mat canvas) {
        try (BytePointer data = new BytePointer(jpeg); Mat buf = new Mat(1, jpeg.length, CV_8UC1, data);
             Mat photo = imdecode(buf, IMREAD_COLOR)) {
            double s = Math.min((double) WIDTH / photo.cols(), (double) HEIGHT / photo.rows());
            int w = (int) Math.round(photo.cols() * s);
            int h = (int) Math.round(photo.rows() * s);
            canvas.put(Scalar.all(0));
            try (Rect where = new Rect((WIDTH - w) / 2, (HEIGHT - h) / 2, w, h); Mat target = canvas.apply(where);
                 Size size = new Size(w, h)) {
                resize(photo, target, size, 0, 0, INTER_AREA);
            }
        }
    }
}
