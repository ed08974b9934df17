package org.moodbox.bench;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.moodbox.models.ModelFiles;
import org.moodbox.models.SampleFaces;
import org.moodbox.vision.BoundingBox;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_core.theRNG;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

/**
 * A moving-face video built from the sample photos, with its ground truth known by construction: a virtual
 * camera looks at one photo at a time through a {@link Pose} (where it points, how far it zooms in, a small
 * roll and a horizontal squeeze that stand in for a head turning a little), and moves between poses given at
 * set times (a {@link Script}). A change of photo is a cut. Frames carry a little sensor noise, as a camera's do,
 * and a slow sway, as people standing never stand still.
 *
 * <p>The ground truth of each frame is the hand-checked {@link SampleFaces} box of each face of the photo
 * (MTCNN's boxes and BlazeFace's for the one face MTCNN misses, checked by eye, in the 640x480 letterboxed frame of
 * the photo), moved by the same pose: its centre mapped exactly, its size scaled by the zoom (and the squeeze);
 * a face counts as visible when at least {@link #VISIBLE} of its box lies inside the frame. Each face keeps its
 * {@link SampleFaces#ALL} index as its identity, so a tracker's ids can be checked against it.
 *
 * <p>Frames are rendered on demand into one reused Mat and never leave memory (the photos are public test
 * fixtures, not anyone's face at a kiosk, and still nothing is written).
 */
public final class MovingFaceClip implements AutoCloseable {
    public static final int WIDTH = SampleFaces.FRAME_WIDTH;
    public static final int HEIGHT = SampleFaces.FRAME_HEIGHT;
    /** Part of a face's box that must lie inside the frame for it to count as visible. */
    public static final double VISIBLE = 0.7;
    /** Sensor noise: standard deviation in grey levels. */
    private static final double NOISE = 2.0;
    private static final int NOISE_FIELDS = 4;
    /** The photos are kept at twice the letterboxed frame's scale, so a zoom up to 2x stays sharp. */
    private static final double SOURCE_SCALE = 2.0;

    /**
     * Where the camera looks in the letterboxed 640x480 frame of {@code photo} (1-based): the frame point at the
     * centre of the picture, the zoom (1 = the photo letterboxed as in {@link SampleFaces}), the roll in degrees
     * and a horizontal squeeze (1 = none; 0.9 looks like a face turned by about 25 degrees).
     */
    public record Pose(int photo, double zoom, double centreX, double centreY, double rollDegrees, double squeeze) {
    }

    /** A pose the camera reaches at {@code seconds}; between two of one photo it moves smoothly. */
    public record Waypoint(double seconds, Pose pose) {
    }

    /** A face of the ground truth: its index in {@link SampleFaces#ALL}, its box in the frame, the part visible. */
    public record TruthFace(int identity, BoundingBox box, double visibleFraction) {
        public boolean visible() {
            return visibleFraction >= VISIBLE;
        }
    }

    /** The clip's length, pace and its waypoints in time order. */
    public record Script(int fps, double seconds, List<Waypoint> waypoints) {
        public int frames() {
            return (int) Math.round(fps * seconds);
        }
    }

    /**
     * The bench's clip, 30 s at 15 fps: photo 3 (three faces) held, panned, zoomed in, turned a little, then
     * panned until the left face leaves the frame and back until it returns; a cut to photo 6 (four faces), held,
     * then zoomed out and panned; a cut to photo 1 (three faces), panned and rolled.
     */
    public static Script benchScript() {
        return new Script(15, 30, List.of(
                at(0, 3, 1.25, 350, 165, 0, 1), at(2.5, 3, 1.25, 350, 165, 0, 1),
                at(6, 3, 1.25, 280, 175, 0, 1), at(7.5, 3, 1.25, 280, 175, 0, 1),
                at(10, 3, 1.7, 330, 160, 0, 1), at(10.8, 3, 1.7, 330, 160, 0, 1),
                at(11.6, 3, 1.7, 330, 160, 6, 0.92), at(12.4, 3, 1.7, 330, 160, -6, 0.92),
                at(13.0, 3, 1.7, 330, 160, 0, 1),
                at(14.2, 3, 1.7, 480, 160, 0, 1), at(15.2, 3, 1.7, 480, 160, 0, 1), at(16.5, 3, 1.7, 330, 160, 0, 1),
                at(17, 3, 1.7, 330, 160, 0, 1),
                at(17, 6, 1.2, 320, 190, 0, 1), at(19.5, 6, 1.2, 320, 190, 0, 1),
                at(22.5, 6, 1.0, 320, 240, 0, 1), at(24, 6, 1.0, 300, 240, 0, 1),
                at(24, 1, 1.4, 300, 210, 0, 1), at(26.5, 1, 1.4, 380, 200, 0, 1),
                at(28, 1, 1.4, 380, 200, 5, 1), at(30, 1, 1.4, 360, 200, -3, 0.95)));
    }

    private static Waypoint at(double seconds, int photo, double zoom, double cx, double cy, double roll, double squeeze) {
        return new Waypoint(seconds, new Pose(photo, zoom, cx, cy, roll, squeeze));
    }

    private final Script script;
    private final List<Mat> photos = new ArrayList<>();
    private final List<double[]> letterboxes = new ArrayList<>();
    private final List<Mat[]> noise = new ArrayList<>();
    private final Mat frame = new Mat(HEIGHT, WIDTH, CV_8UC3);
    private final Mat transform = new Mat(2, 3, CV_64F);
    private final Size frameSize = new Size(WIDTH, HEIGHT);

    public MovingFaceClip(Script script) {
        this.script = script;
        for (int i = 1; i <= ModelFiles.SAMPLE_COUNT; i++) {
            photos.add(sourcePhoto(ModelFiles.bytes(ModelFiles.samplePhoto(i)), i));
        }
        theRNG().state(26); // the same noise every run
        try (Mat gauss = new Mat(HEIGHT, WIDTH, CV_32FC3); Mat mean = new Mat(1, 1, CV_64F, Scalar.all(0));
             Mat sd = new Mat(1, 1, CV_64F, Scalar.all(NOISE)); Mat zero = new Mat(HEIGHT, WIDTH, CV_32FC3, Scalar.all(0));
             Mat negated = new Mat()) {
            for (int k = 0; k < NOISE_FIELDS; k++) {
                randn(gauss, mean, sd);
                Mat up = new Mat();
                Mat down = new Mat();
                gauss.convertTo(up, CV_8UC3); // saturates: the positive part
                subtract(zero, gauss, negated);
                negated.convertTo(down, CV_8UC3);
                noise.add(new Mat[] {up, down});
            }
        }
    }

    /** The photo at {@link #SOURCE_SCALE} times its letterboxed size, and where that letterbox puts it. */
    private Mat sourcePhoto(byte[] jpeg, int index) {
        try (BytePointer data = new BytePointer(jpeg); Mat buf = new Mat(1, jpeg.length, CV_8UC1, data);
             Mat photo = imdecode(buf, IMREAD_COLOR)) {
            double s = Math.min((double) WIDTH / photo.cols(), (double) HEIGHT / photo.rows());
            int w = (int) Math.round(photo.cols() * s);
            int h = (int) Math.round(photo.rows() * s);
            // As DemoVideo.letterbox (and so SampleFaces) places it: scaled by s, offset to the centre.
            letterboxes.add(new double[] {(WIDTH - w) / 2, (HEIGHT - h) / 2, w, h});
            Mat source = new Mat();
            try (Size size = new Size((int) Math.round(w * SOURCE_SCALE), (int) Math.round(h * SOURCE_SCALE))) {
                resize(photo, source, size, 0, 0, INTER_AREA);
            }
            return source;
        }
    }

    public Script script() {
        return script;
    }

    public int frames() {
        return script.frames();
    }

    public int fps() {
        return script.fps();
    }

    /** The frame's time in nanoseconds from the start of the clip. */
    public long nanos(int frameIndex) {
        return Math.round(frameIndex * 1e9 / script.fps());
    }

    /** The camera's pose at frame {@code i}: the waypoints interpolated, smoothly, plus a slow sway. */
    public Pose pose(int i) {
        double t = i / (double) script.fps();
        List<Waypoint> w = script.waypoints();
        Pose pose = w.get(w.size() - 1).pose();
        for (int k = 0; k + 1 < w.size(); k++) {
            Waypoint a = w.get(k);
            Waypoint b = w.get(k + 1);
            if (t >= a.seconds() && t < b.seconds()) {
                pose = a.pose().photo() != b.pose().photo() ? a.pose() : between(a, b, t);
                break;
            }
        }
        double swayX = 2.0 * Math.sin(2 * Math.PI * t / 2.3);
        double swayY = 1.5 * Math.sin(2 * Math.PI * t / 3.1);
        return new Pose(pose.photo(), pose.zoom(), pose.centreX() + swayX, pose.centreY() + swayY,
                pose.rollDegrees(), pose.squeeze());
    }

    private static Pose between(Waypoint a, Waypoint b, double t) {
        double u = (t - a.seconds()) / (b.seconds() - a.seconds());
        double s = u * u * (3 - 2 * u); // ease in and out, as a hand-held camera or a person moves
        Pose p = a.pose();
        Pose q = b.pose();
        return new Pose(p.photo(), mix(p.zoom(), q.zoom(), s), mix(p.centreX(), q.centreX(), s),
                mix(p.centreY(), q.centreY(), s), mix(p.rollDegrees(), q.rollDegrees(), s), mix(p.squeeze(), q.squeeze(), s));
    }

    private static double mix(double a, double b, double s) {
        return a + (b - a) * s;
    }

    /** The 2x3 map from letterboxed-frame coordinates (those of {@link SampleFaces}) to clip-frame pixels. */
    static double[] map(Pose pose) {
        double r = Math.toRadians(pose.rollDegrees());
        double cos = Math.cos(r) * pose.zoom();
        double sin = Math.sin(r) * pose.zoom();
        double a = cos * pose.squeeze();
        double b = -sin;
        double c = sin * pose.squeeze();
        double d = cos;
        double tx = WIDTH / 2.0 - (a * pose.centreX() + b * pose.centreY());
        double ty = HEIGHT / 2.0 - (c * pose.centreX() + d * pose.centreY());
        return new double[] {a, b, tx, c, d, ty};
    }

    /** Renders frame {@code i} into the clip's one reused Mat (valid until the next call). */
    public Mat render(int i) {
        Pose pose = pose(i);
        double[] m = map(pose);
        double[] box = letterboxes.get(pose.photo() - 1);
        // Source pixel u maps to letterboxed point u / SOURCE_SCALE + offset, and that through m.
        double k = 1 / SOURCE_SCALE;
        DoublePointer p = new DoublePointer(transform.data());
        p.put(0, m[0] * k).put(1, m[1] * k).put(2, m[0] * box[0] + m[1] * box[1] + m[2]);
        p.put(3, m[3] * k).put(4, m[4] * k).put(5, m[3] * box[0] + m[4] * box[1] + m[5]);
        try (Scalar black = new Scalar(0, 0, 0, 0)) {
            warpAffine(photos.get(pose.photo() - 1), frame, transform, frameSize, INTER_LINEAR, BORDER_CONSTANT, black);
        }
        Mat[] n = noise.get(i % NOISE_FIELDS);
        add(frame, n[0], frame);
        subtract(frame, n[1], frame);
        return frame;
    }

    /** The ground truth of frame {@code i}: every face of its photo, visible or not. */
    public List<TruthFace> truth(int i) {
        Pose pose = pose(i);
        double[] m = map(pose);
        List<TruthFace> faces = new ArrayList<>();
        for (int id = 0; id < SampleFaces.ALL.size(); id++) {
            SampleFaces.Face f = SampleFaces.ALL.get(id);
            if (f.photo() != pose.photo()) {
                continue;
            }
            double cx = f.x() + f.width() / 2.0;
            double cy = f.y() + f.height() / 2.0;
            double x = m[0] * cx + m[1] * cy + m[2];
            double y = m[3] * cx + m[4] * cy + m[5];
            double w = f.width() * pose.zoom() * pose.squeeze();
            double h = f.height() * pose.zoom();
            BoundingBox whole = new BoundingBox((float) (x - w / 2), (float) (y - h / 2), (float) (x + w / 2), (float) (y + h / 2));
            BoundingBox inside = new BoundingBox(Math.max(0, whole.x1()), Math.max(0, whole.y1()),
                    Math.min(WIDTH, whole.x2()), Math.min(HEIGHT, whole.y2()));
            faces.add(new TruthFace(id, inside, inside.area() / whole.area()));
        }
        return faces;
    }

    @Override
    public void close() {
        photos.forEach(Mat::close);
        noise.forEach(pair -> {
            pair[0].close();
            pair[1].close();
        });
        frame.close();
        transform.close();
        frameSize.close();
    }
}
