package org.moodbox.vision;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The owner's one-shot camera preview (to aim the camera): the one sanctioned way a frame leaves the vision
 * room, and only when asked. A request waits for the loop's next frame, which is encoded to JPEG in memory and
 * handed to the requester alone; nothing is kept, written or logged. Between requests no frame is encoded.
 */
final class PreviewSnapshot {
    /** Enough to aim a camera on a phone; larger frames are scaled down before encoding. */
    private static final int MAX_WIDTH = 640;
    private static final int JPEG_QUALITY = 80;

    private final AtomicReference<CompletableFuture<byte[]>> pending = new AtomicReference<>();

    /** Waits for the next frame; empty when none came in time (camera stopped or reconnecting). */
    Optional<byte[]> take(Duration timeout) {
        CompletableFuture<byte[]> request = pending.updateAndGet(r -> r == null ? new CompletableFuture<>() : r);
        try {
            return Optional.of(request.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            pending.compareAndSet(request, null);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /** Called by the loop with each frame: encodes it only when someone asked. */
    void offer(Mat frame) {
        CompletableFuture<byte[]> request = pending.getAndSet(null);
        if (request == null) {
            return;
        }
        try {
            request.complete(jpeg(frame));
        } catch (RuntimeException e) {
            request.completeExceptionally(e);
        }
    }

    /** Whoever waits gets nothing now (the loop is closing). */
    void cancel() {
        CompletableFuture<byte[]> request = pending.getAndSet(null);
        if (request != null) {
            request.cancel(false);
        }
    }

    static byte[] jpeg(Mat frame) {
        if (frame == null || frame.isNull() || frame.empty()) {
            throw new IllegalStateException("no frame");
        }
        Mat source = frame;
        Mat scaled = null;
        try {
            if (frame.cols() > MAX_WIDTH) {
                scaled = new Mat();
                try (Size size = new Size(MAX_WIDTH, Math.max(1, frame.rows() * MAX_WIDTH / frame.cols()))) {
                    resize(frame, scaled, size);
                }
                source = scaled;
            }
            try (BytePointer out = new BytePointer(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, JPEG_QUALITY)) {
                if (!imencode(".jpg", source, out, params)) {
                    throw new IllegalStateException("JPEG encoding failed");
                }
                byte[] bytes = new byte[(int) out.limit()];
                out.get(bytes);
                return bytes;
            }
        } finally {
            if (scaled != null) {
                scaled.close();
            }
        }
    }
}
