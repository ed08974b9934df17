package org.moodbox.spotify.librespot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs librespot-java as a child process and keeps it running: writes its config, starts
 * {@code java -jar librespot-player.jar --conf-file=...}, reads its output for the states and known failures
 * ({@link LibrespotOutput}), restarts it after an exit with a doubling pause (1 s up to 5 min), and switches
 * back from stored credentials to a fresh Connect login when Spotify refuses them.
 *
 * <p>A child process rather than an embedded library: librespot's fat jar brings its own log4j, protobuf,
 * okhttp and kotlin, and its audio and session threads can wedge; in its own JVM none of that reaches the
 * appliance, a hang is ended with a kill, and systemd's memory accounting sees it apart.
 */
public final class LibrespotSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LibrespotSupervisor.class);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);
    /** A run this long counts as healthy: the next failure starts the pauses over. */
    static final Duration HEALTHY_RUN = Duration.ofMinutes(2);

    private final LibrespotConfig config;
    private final List<String> command;
    private final List<Consumer<LibrespotState>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile LibrespotState state;
    private volatile Process process;
    private volatile boolean closed;
    private volatile int starts;
    private boolean refusedStored;

    /**
     * @param command the program and its arguments without the config option, e.g.
     *                {@code [java, -jar, /usr/share/moodbox/librespot/librespot-player.jar]}
     */
    public LibrespotSupervisor(LibrespotConfig config, List<String> command) {
        this.config = config;
        this.command = List.copyOf(command);
        this.state = new LibrespotState(LibrespotState.Phase.STARTING, "librespot is starting.", null);
        this.thread = new Thread(this::superviseLoop, "moodbox-librespot");
        this.thread.setDaemon(true);
    }

    /** The librespot jar the build put beside the appliance's jar, if it is there. */
    public static Optional<Path> bundledJar() {
        String override = System.getProperty("moodbox.librespot.jar");
        if (override != null) {
            return Optional.of(Path.of(override)).filter(Files::isRegularFile);
        }
        try {
            Path here = Path.of(LibrespotSupervisor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(here) ? here.getParent() : here.getParent();
            for (Path candidate : List.of(dir.resolve("librespot/librespot-player.jar"),
                    dir.getParent().resolve("librespot/librespot-player.jar"))) {
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        } catch (Exception e) {
            LOG.debug("looking for the librespot jar: {}", e.toString());
        }
        return Optional.empty();
    }

    public void start() {
        thread.start();
    }

    public LibrespotState state() {
        return state;
    }

    public String deviceName() {
        return config.deviceName();
    }

    /** How many times the process was started (first start included). */
    public int starts() {
        return starts;
    }

    public void subscribe(Consumer<LibrespotState> listener) {
        listeners.add(listener);
    }

    private void superviseLoop() {
        Duration pause = FIRST_PAUSE;
        while (!closed) {
            long startedAt = System.nanoTime();
            try {
                runOnce();
            } catch (IOException e) {
                set(new LibrespotState(LibrespotState.Phase.RESTARTING, "librespot could not start: " + e.getMessage(),
                        null));
            }
            if (closed) {
                break;
            }
            if (Duration.ofNanos(System.nanoTime() - startedAt).compareTo(HEALTHY_RUN) > 0) {
                pause = FIRST_PAUSE;
            }
            LOG.warn("librespot stopped ({}); starting it again in {} s", state.message(), pause.toSeconds());
            if (state.phase() != LibrespotState.Phase.NO_AUDIO_KEY && state.phase() != LibrespotState.Phase.LOGIN_REFUSED
                    && state.phase() != LibrespotState.Phase.NO_AUDIO_DEVICE) {
                set(new LibrespotState(LibrespotState.Phase.RESTARTING, "librespot stopped; starting it again in "
                        + pause.toSeconds() + " s.", null));
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                break;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private void runOnce() throws IOException {
        Files.createDirectories(config.workDir());
        boolean stored = Files.isRegularFile(config.credentialsFile()) && !refusedStored;
        Files.writeString(config.configFile(), config.toml(stored), StandardCharsets.UTF_8);
        tightenCredentials();
        List<String> cmd = new ArrayList<>(command);
        cmd.add("--conf-file=" + config.configFile());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(config.workDir().toFile()).redirectErrorStream(true);
        starts++;
        set(new LibrespotState(LibrespotState.Phase.STARTING, "librespot is starting"
                + (stored ? " with the stored Connect login." : "."), null));
        Process p = pb.start();
        process = p;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                LOG.debug("librespot: {}", line);
                Optional<LibrespotState> seen = LibrespotOutput.classify(line);
                if (seen.isPresent()) {
                    LibrespotState s = seen.get();
                    if (s.phase() == LibrespotState.Phase.LOGIN_REFUSED && stored) {
                        refusedStored = true; // next start waits for a fresh Connect login instead
                    }
                    if (s.phase() == LibrespotState.Phase.LOGGED_IN) {
                        tightenCredentials();
                    }
                    if (s.phase() != state.phase()) {
                        LOG.info("librespot: {}", s.message());
                    }
                    set(s);
                }
            }
        }
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** librespot writes the credentials with the default umask; they are as secret as a password. */
    private void tightenCredentials() {
        Path f = config.credentialsFile();
        try {
            if (Files.isRegularFile(f)) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("cannot make {} owner-only: {}", f, e.getMessage());
        }
    }

    private void set(LibrespotState s) {
        state = s;
        listeners.forEach(l -> l.accept(s));
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        Process p = process;
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        set(new LibrespotState(LibrespotState.Phase.OFF, "librespot stopped.", null));
    }
}
