package org.moodbox.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Mosquitto broker, started by a test on free loopback ports from a generated config: a plain listener
 * with a password file (one user, anonymous clients refused), and with {@link #withTls} a TLS listener whose
 * certificate authority the test made with openssl. The test talks to it with Debian's own clients
 * ({@code mosquitto_pub}, {@code mosquitto_sub}), not with the library the box uses.
 *
 * <p>Without the packages the calling test is skipped with a clear message; {@code ./moodbox test} installs them,
 * and in CI a skip fails the run.
 */
public final class Mosquitto implements AutoCloseable {
    public static final Path BROKER = Path.of("/usr/sbin/mosquitto");
    public static final Path PUB = Path.of("/usr/bin/mosquitto_pub");
    public static final Path SUB = Path.of("/usr/bin/mosquitto_sub");
    public static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");
    public static final String USER = "moodbox";
    public static final String PASSWORD = "a broker password";
    /** A second account, for the admin of a fleet publishing group documents. */
    public static final String FLEET_USER = "fleet";
    private static final Duration START_PATIENCE = Duration.ofSeconds(10);

    private final Path dir;
    private final int port;
    private final int tlsPort;
    private final Path caFile;
    private Process process;

    private Mosquitto(Path dir, int port, int tlsPort, Path caFile) {
        this.dir = dir;
        this.port = port;
        this.tlsPort = tlsPort;
        this.caFile = caFile;
    }

    /** A plain listener with the password file. */
    public static Mosquitto start(Path dir) throws Exception {
        return start(dir, false);
    }

    /** A plain and a TLS listener (the CA, the server's key and certificate for 127.0.0.1 made here). */
    public static Mosquitto withTls(Path dir) throws Exception {
        return start(dir, true);
    }

    private static Mosquitto start(Path dir, boolean tls) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BROKER) && Files.isExecutable(PUB) && Files.isExecutable(SUB)
                        && Files.isExecutable(PASSWD),
                "skipped: needs Debian's mosquitto and mosquitto-clients (apt-get install mosquitto mosquitto-clients);"
                        + " ./moodbox test installs them");
        Files.createDirectories(dir);
        Path passwords = dir.resolve("passwords");
        run(List.of(PASSWD.toString(), "-b", "-c", passwords.toString(), USER, PASSWORD));
        run(List.of(PASSWD.toString(), "-b", passwords.toString(), FLEET_USER, PASSWORD));
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        int port = freePort();
        int tlsPort = tls ? freePort() : -1;
        Path ca = tls ? makeCertificates(dir) : null;
        StringBuilder conf = new StringBuilder()
                .append("user root\n") // as root it would drop to the mosquitto user, who cannot read the test's files
                .append("per_listener_settings false\n")
                .append("allow_anonymous false\n")
                .append("password_file ").append(passwords).append('\n')
                .append("persistence false\n")
                .append("log_type error\nlog_type warning\nlog_type notice\nlog_type information\n")
                .append("listener ").append(port).append(" 127.0.0.1\n");
        if (tls) {
            conf.append("listener ").append(tlsPort).append(" 127.0.0.1\n")
                    .append("cafile ").append(ca).append('\n')
                    .append("certfile ").append(dir.resolve("server.pem")).append('\n')
                    .append("keyfile ").append(dir.resolve("server.key")).append('\n');
        }
        Files.writeString(dir.resolve("mosquitto.conf"), conf.toString());
        Mosquitto broker = new Mosquitto(dir, port, tlsPort, ca);
        broker.startProcess();
        return broker;
    }

    public int port() {
        return port;
    }

    public int tlsPort() {
        return tlsPort;
    }

    /** The CA the broker's TLS certificate is signed by (PEM). */
    public Path caFile() {
        return caFile;
    }

    /** A CA that signed nothing the broker shows: trusting it, the TLS handshake must fail. */
    public Path otherCaFile() throws Exception {
        Path other = dir.resolve("other-ca.pem");
        if (!Files.exists(other)) {
            run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    dir.resolve("other-ca.key").toString(), "-out", other.toString(), "-days", "2", "-subj",
                    "/CN=Some other CA"));
        }
        return other;
    }

    /** Kills the broker (SIGKILL: no goodbye to anyone), as a crash or a pulled plug would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts it again on the same ports (with nothing retained: persistence is off, as a RAM-only broker). */
    public void restart() throws Exception {
        startProcess();
    }

    /** What the broker logged (connections, refusals). */
    public String log() throws IOException {
        return Files.readString(dir.resolve("mosquitto.log"), StandardCharsets.UTF_8);
    }

    /** Publishes one message with mosquitto_pub as the box's user; {@code retain} keeps it for later subscribers. */
    public void publish(String topic, String payload, boolean retain) throws Exception {
        List<String> command = new ArrayList<>(client(PUB, USER));
        command.addAll(List.of("-t", topic, "-m", payload, "-q", "1"));
        if (retain) {
            command.add("-r");
        }
        run(command);
    }

    /** Publishes the bytes of a file as one message (for payloads that are not text). */
    public void publishFile(String topic, Path file) throws Exception {
        List<String> command = new ArrayList<>(client(PUB, USER));
        command.addAll(List.of("-t", topic, "-f", file.toString(), "-q", "1"));
        run(command);
    }

    /** Publishes each line as its own message, in one connection: a burst as fast as the broker takes it. */
    public void publishLines(String topic, List<String> lines) throws Exception {
        List<String> command = new ArrayList<>(client(PUB, USER));
        command.addAll(List.of("-t", topic, "-l", "-q", "0"));
        Process pub = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var in = pub.getOutputStream()) {
            in.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!pub.waitFor(30, TimeUnit.SECONDS) || pub.exitValue() != 0) {
            throw new IllegalStateException("mosquitto_pub -l failed: " + new String(pub.getInputStream().readAllBytes()));
        }
    }

    /**
     * The retained messages under {@code filter} now, topic to payload, read with a fresh mosquitto_sub: what
     * Home Assistant would find on connecting. An empty payload is a cleared topic and is not listed.
     */
    public Map<String, String> retained(String filter) throws Exception {
        List<String> command = new ArrayList<>(client(SUB, USER));
        command.addAll(List.of("-t", filter, "--retained-only", "-W", "1", "-F", "%t %p"));
        Process sub = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        sub.waitFor(10, TimeUnit.SECONDS);
        Map<String, String> retained = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                retained.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return retained;
    }

    /** mosquitto_sub or _pub with the broker's address and a user's credentials. */
    public List<String> client(Path tool, String user) {
        return List.of(tool.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-u", user, "-P", PASSWORD);
    }

    private void startProcess() throws Exception {
        process = new ProcessBuilder(BROKER.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile())).start();
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (!accepts(port) || tlsPort > 0 && !accepts(tlsPort)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto stopped at start:\n" + log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("mosquitto did not listen within " + START_PATIENCE + ":\n" + log());
            }
            Thread.sleep(20);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A CA, and the server's key and certificate for 127.0.0.1 and localhost signed by it (openssl). */
    private static Path makeCertificates(Path dir) throws Exception {
        Path ca = dir.resolve("ca.pem");
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.resolve("ca.key").toString(),
                "-out", ca.toString(), "-days", "2", "-subj", "/CN=Moodbox test CA"));
        run(List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.resolve("server.key").toString(),
                "-out", dir.resolve("server.csr").toString(), "-subj", "/CN=localhost"));
        Path extensions = dir.resolve("server.ext");
        Files.writeString(extensions, "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        run(List.of("openssl", "x509", "-req", "-in", dir.resolve("server.csr").toString(), "-CA", ca.toString(),
                "-CAkey", dir.resolve("ca.key").toString(), "-CAcreateserial", "-out", dir.resolve("server.pem").toString(),
                "-days", "2", "-extfile", extensions.toString()));
        return ca;
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
