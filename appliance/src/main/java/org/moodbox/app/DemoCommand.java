package org.moodbox.app;

import org.moodbox.cli.DataDirOption;
import org.moodbox.cli.ProcessEnvironment;
import org.moodbox.cli.DetectCommand;
import org.moodbox.vision.DetectorKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.moodbox.camera.CameraSpec;
import org.moodbox.camera.DemoVideo;
import org.moodbox.mqtt.MqttUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code moodbox demo}: the whole appliance on a laptop. The camera is a looping video of the
 * face-api sample photos, the music is Debian's freely licensed game soundtracks.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the appliance in demo mode at http://127.0.0.1:8080.",
                "The camera is a looping video of the face-api sample photos, the models are BlazeFace and",
                "the emotion CNN, the library is Debian's freely licensed game music."})
public final class DemoCommand implements Callable<Integer> {
    /** Freely licensed music from Debian (singularity-music, wesnoth-1.16-music): 57 tracks. */
    public static final List<Path> DEMO_MUSIC = List.of(
            Path.of("/usr/share/games/singularity/music"),
            Path.of("/usr/share/games/wesnoth/1.16/data/core/music"));

    final ProcessEnvironment environment;

    @Mixin
    DataDirOption data = new DataDirOption();

    /** Built by {@link org.moodbox.cli.CommandFactory} with the environment read at start. */
    public DemoCommand(ProcessEnvironment environment) {
        this.environment = environment;
    }

    @Option(names = "--camera", paramLabel = "SOURCE",
            description = "a video file, an image folder or a V4L2 device such as /dev/video0 (default: the sample-photo video)")
    String camera;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to serve on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "port to serve on (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--music", paramLabel = "DIR", split = ",",
            description = "music folders to scan (default: Debian's singularity-music and wesnoth-1.16-music)")
    List<Path> music;

    @Option(names = "--mqtt", paramLabel = "URL",
            description = "link to an MQTT broker (Home Assistant, a fleet): mqtt[s]://[user:password@]host:port;"
                    + " saved as the owner's link, shown on the admin page")
    String mqtt;

    @Option(names = "--detector", paramLabel = "NAME", converter = DetectCommand.DetectorName.class,
            description = "face detector for this run: mtcnn, mtcnn-int8, blazeface-full or blazeface-short"
                    + " (default: the owner's setting, blazeface-full on a new box; a later save on the admin page wins)")
    DetectorKind detector;

    @Mixin
    FrameModeOption frameMode = new FrameModeOption();

    @Override
    public Integer call() throws Exception {
        List<Path> folders = music != null ? music : DEMO_MUSIC;
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new IllegalStateException("music folder " + folder + " is missing; install the demo music with"
                        + " 'sudo apt-get install singularity-music wesnoth-1.16-music' or give --music DIR");
            }
        }
        Path dataDir = data.dataDir();
        String source = camera != null ? camera : DemoVideo.ensure(dataDir.resolve("demo")).toString();
        CameraSpec spec = CameraSpec.parse(source, 640, 480, DemoVideo.FPS);
        try (Appliance appliance = Appliance.start(new ApplianceConfig(dataDir, spec, host, port, folders,
                DemoVideo.FPS, 0.8, detector, frameMode.mode(), environment.variables(),
                mqtt == null ? null : MqttUrl.parse(mqtt)))) {
            appliance.awaitShutdown();
        }
        return 0;
    }
}
