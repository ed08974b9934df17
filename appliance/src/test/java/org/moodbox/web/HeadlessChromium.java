package org.moodbox.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven by its chromedriver, headless, with a throw-away profile: the real browser
 * of the UI tests. The flags keep it off the network (this machine has none) and off /dev/shm.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test class with a clear message when the browser is not installed. */
    public static HeadlessChromium start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: needs Debian's chromium and chromium-driver at " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver); CI installs them");
        Path profile = Files.createTempDirectory("moodbox-browser-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US",
                "--autoplay-policy=no-user-gesture-required", "--user-data-dir=" + profile.toAbsolutePath());
        // Explicit driver path: Selenium Manager would otherwise try to download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(driver, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** --window-size gives a smaller viewport than asked (browser chrome); the CDP override is exact. */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /**
     * Sets the clock of every page loaded from now on to this time of day (today, in the browser's zone); it runs
     * on from there at the real pace. A page's "what time is it" is then the test's choice, not the wall clock's.
     */
    public void clockAt(LocalTime time) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                (() => {
                  const RealDate = Date;
                  const start = new RealDate();
                  start.setHours(%d, %d, %d, 0);
                  const offset = start.getTime() - RealDate.now();
                  class SetDate extends RealDate {
                    constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }
                    static now() { return RealDate.now() + offset; }
                  }
                  globalThis.Date = SetDate;
                })();
                """.formatted(time.getHour(), time.getMinute(), time.getSecond())));
    }

    /** Saves what the page shows now as target/screenshots/NAME.png, a test artifact. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
