package org.moodbox.app;
import org.moodbox.app.DemoCommand;
import org.moodbox.catalog.TestAudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.camera.CameraSpec;
import org.moodbox.camera.DemoVideo;
import org.moodbox.web.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo as a person meets it: the whole appliance (demo camera video, BlazeFace and the emotion CNN
 * on TFLite, mood tracker, SQLite catalog from a real library scan, recommender, local player to
 * the null sink, Javalin) in a real headless Chromium. The camera's mood reaches the page, cards
 * show, a tap plays and "Now playing" shows the title. The 800x480 screenshot is the README's.
 */
class ApplianceEndToEndTest {
    @TempDir
    Path data;

    @Test
    void cameraMoodCardsAndATapThatPlays() throws Exception {
        List<Path> music = demoMusicOrGenerated();
        CameraSpec camera = CameraSpec.parse(DemoVideo.ensure(data.resolve("demo")).toString(), 640, 480, 5);
        try (Appliance appliance = Appliance.start(new ApplianceConfig(data, camera, "127.0.0.1", 0, music, 5, 0.8));
             HeadlessChromium chromium = HeadlessChromium.start()) {
            var browser = chromium.driver();
            chromium.viewport(800, 480);
            browser.get("http://127.0.0.1:" + appliance.port() + "/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

            // The sample photos are smiling groups: the camera's reading must reach the screen.
            wait.until(d -> {
                String kicker = d.findElement(By.id("mood-kicker")).getText();
                return kicker.startsWith("You seem") || kicker.startsWith("Not sure yet");
            });
            assertThat(browser.findElement(By.id("mood-label")).getText()).isNotBlank();
            List<WebElement> cards = wait.until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector(".card[data-track-id]"));
                return found.size() >= 4 ? found : null;
            });
            WebElement first = cards.get(0);
            String title = first.findElement(By.className("card-title")).getText();
            assertThat(title).isNotBlank();
            assertThat(first.findElement(By.className("card-reason")).getText()).isNotBlank();

            first.click();
            wait.until(d -> {
                String nowPlaying = d.findElement(By.id("now-playing")).getText();
                return nowPlaying.contains("Now playing") && nowPlaying.contains(title);
            });
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains("null sink")
                    || d.findElement(By.tagName("body")).getText().contains("sound card"));
            chromium.screenshot("demo-kiosk-800x480");
        }
    }

    @Test
    void aBusyPortIsAClearErrorAndReleasesWhatStarted() throws Exception {
        CameraSpec camera = CameraSpec.parse(DemoVideo.ensure(data.resolve("demo")).toString(), 640, 480, 5);
        try (Appliance first = Appliance.start(new ApplianceConfig(data.resolve("a"), camera, "127.0.0.1", 0,
                List.of(), 5, 0.8))) {
            ApplianceConfig clash = new ApplianceConfig(data.resolve("b"), camera, "127.0.0.1", first.port(),
                    List.of(), 5, 0.8);
            assertThatThrownBy(() -> Appliance.start(clash)).hasMessageContaining("port " + first.port())
                    .hasMessageContaining("in use");
            // The failed start closed its catalog: the file can be opened and written again at once.
            try (var catalog = org.moodbox.catalog.Catalog.open(data.resolve("b").resolve("catalog.db"))) {
                assertThat(catalog.trackCount()).isZero();
            }
        }
    }

    /** Debian's demo music when installed (as in the demo and CI), else a few generated tracks. */
    private List<Path> demoMusicOrGenerated() throws Exception {
        if (DemoCommand.DEMO_MUSIC.stream().allMatch(Files::isDirectory)) {
            return DemoCommand.DEMO_MUSIC;
        }
        System.out.println("Debian demo music not installed (apt-get install singularity-music wesnoth-1.16-music):"
                + " using generated tracks");
        Path folder = Files.createDirectories(data.resolve("music"));
        for (int i = 0; i < 6; i++) {
            float[] samples = i % 2 == 0 ? TestAudio.clicks(20, 90 + 20 * i, 0.3 + 0.1 * i)
                    : TestAudio.tones(20, 0.05 + 0.05 * i, 220 * (i + 1), 330 * (i + 1));
            TestAudio.write(folder.resolve("track" + i + ".flac"), samples,
                    Map.of("title", "Test track " + i, "artist", "Artist " + (i % 3)));
        }
        return List.of(folder);
    }
}
