package org.moodbox.app;

import org.moodbox.cli.DataDirOption;
import org.moodbox.cli.ProcessEnvironment;
import org.moodbox.cli.DetectCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.moodbox.camera.CameraSpec;
import org.moodbox.device.GpioPins;
import org.moodbox.vision.DetectorKind;
import org.moodbox.mqtt.MqttUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code moodbox run}: the appliance as the systemd service starts it. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the appliance: camera, vision, mood, recommendations, kiosk page and player.")
public final class RunCommand implements Callable<Integer> {
    final ProcessEnvironment environment;

    @Mixin
    DataDirOption data = new DataDirOption();

    /** Built by {@link org.moodbox.cli.CommandFactory} with the environment read at start. */
    public RunCommand(ProcessEnvironment environment) {
        this.environment = environment;
    }

    @Option(names = "--camera", defaultValue = "/dev/video0", paramLabel = "SOURCE",
            description = "V4L2 device, video file or image folder (default: ${DEFAULT-VALUE})")
    String camera;

    @Option(names = "--width", defaultValue = "640", description = "camera width (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "480", description = "camera height (default: ${DEFAULT-VALUE})")
    int height;

    @Option(names = "--fps", defaultValue = "5", description = "frames analysed per second at most (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "address to serve on; 0.0.0.0 lets a phone on the network reach /admin (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--library", paramLabel = "DIR", split = ",", description = "music folders to scan at start")
    List<Path> library = List.of();

    @Option(names = "--volume-cap", defaultValue = "0.8", description = "loudest allowed volume, 0..1 (default: ${DEFAULT-VALUE})")
    double volumeCap;

    @Option(names = "--gpio-pins", split = ",", paramLabel = "BUTTON,LED,PIR",
            description = "BCM pins of the button, status LED and presence sensor; without it the pins of the "
                    + "owner's settings (default 17,27,22, changed on the admin page)")
    List<Integer> gpioPins;

    @Option(names = "--no-gpio", description = "leave the GPIO pins alone (no button, LED or presence sensor)")
    boolean noGpio;

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
        if (fps <= 0 || fps > 60) {
            throw new IllegalArgumentException("--fps must be between 0 and 60");
        }
        if (volumeCap < 0 || volumeCap > 1) {
            throw new IllegalArgumentException("--volume-cap must be between 0 and 1");
        }
        CameraSpec spec = CameraSpec.parse(camera, width, height, fps);
        GpioPins gpio = gpioPins();
        try (Appliance appliance = Appliance.start(new ApplianceConfig(data.dataDir(), spec, host, port, library,
                fps, volumeCap, detector, frameMode.mode(), environment.variables(),
                mqtt == null ? null : MqttUrl.parse(mqtt)), gpio)) {
            appliance.awaitShutdown();
        }
        return 0;
    }

    /** Pins fixed on the command line, or null: the owner's settings decide. */
    private GpioPins gpioPins() {
        if (gpioPins == null && !noGpio) {
            return null;
        }
        if (gpioPins == null) {
            return GpioPins.disabled();
        }
        if (gpioPins.size() != 3) {
            throw new IllegalArgumentException("--gpio-pins takes three BCM numbers: button, LED, presence sensor");
        }
        GpioPins pins = GpioPins.defaults().withPins(gpioPins.get(0), gpioPins.get(1), gpioPins.get(2));
        return noGpio ? GpioPins.disabled().withPins(pins.button(), pins.statusLed(), pins.presenceSensor()) : pins;
    }
}
