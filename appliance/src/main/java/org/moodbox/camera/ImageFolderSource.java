package org.moodbox.camera;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/** A folder of still images, shown in name order, looping: a camera for demos and tests. */
public final class ImageFolderSource implements FrameSource {
    private final Path folder;
    private final List<Path> images;
    private int next;
    private Mat current;

    public ImageFolderSource(Path folder) throws CameraException {
        this.folder = folder;
        try (Stream<Path> files = Files.list(folder)) {
            this.images = files.filter(ImageFolderSource::isImage).sorted().toList();
        } catch (IOException e) {
            throw new CameraException("cannot list image folder " + folder + ": " + e.getMessage(), e);
        }
        if (images.isEmpty()) {
            throw new CameraException("image folder " + folder + " has no .jpg, .png or .bmp files");
        }
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png") || n.endsWith(".bmp");
    }

    @Override
    public Mat grab() throws CameraException {
        for (int tries = 0; tries < images.size(); tries++) {
            Path image = images.get(next);
            next = (next + 1) % images.size();
            Mat frame = imread(image.toString(), IMREAD_COLOR);
            if (frame != null && !frame.empty()) {
                if (current != null) {
                    current.close();
                }
                current = frame;
                return frame;
            }
        }
        throw new CameraException("no readable image in " + folder);
    }

    @Override
    public String describe() {
        return "image folder " + folder + " (" + images.size() + " images)";
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
        }
    }
}
