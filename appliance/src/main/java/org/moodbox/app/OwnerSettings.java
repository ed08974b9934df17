package org.moodbox.app;

import java.util.HashSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.moodbox.camera.CameraSpec;
import org.moodbox.playback.Player;
import org.moodbox.recommend.StrategyPlan;
import org.moodbox.recommend.TrackFilter;
import org.moodbox.mqtt.MqttUrl;
import org.moodbox.settings.MqttSettings;
import org.moodbox.settings.SecretFile;
import org.moodbox.settings.Settings;
import org.moodbox.settings.SettingsStore;
import org.moodbox.vision.DetectorKind;
import org.moodbox.vision.FrameMode;
import org.moodbox.vision.PipelineChoice;
import org.moodbox.vision.VisionLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's saved settings applied to the rooms, each part in its room's own type, through the one
 * mechanism {@link SettingsStore#follow}: a save that changes a part reaches its room, other saves leave the
 * room alone. The rooms never see the settings store.
 */
public final class OwnerSettings {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerSettings.class);

    private OwnerSettings() {
    }

    /**
     * The detector and emotion model at start: a {@code --detector} given on the command line wins for this run;
     * the frame mode is the command line's ({@code --every-frame}, else tracked).
     */
    static PipelineChoice pipelineAtStart(SettingsStore settings, DetectorKind commandLine, FrameMode mode) {
        Settings s = settings.current();
        return new PipelineChoice(commandLine != null ? commandLine : s.detector(), s.emotionModel(), mode);
    }

    /**
     * A saved change of detector or emotion model switches the running pipeline, in the run's frame mode; saves
     * that change other settings leave it alone, so a volume change does not undo the command line's detector.
     */
    static void pipeline(SettingsStore settings, VisionLoop vision, FrameMode mode) {
        settings.followChanges(s -> new PipelineChoice(s.detector(), s.emotionModel(), mode), vision::choose);
    }

    /**
     * Switches the vision loop to the camera the owner picks, while running. At start the command line's
     * --camera decides, so the installer's choice is what a restart comes back to.
     */
    static void camera(SettingsStore settings, VisionLoop vision, CameraSpec started) {
        settings.follow(Settings::cameraOn, vision::cameraOn); // the owner's privacy switch, kept across restarts
        settings.followChanges(Settings::cameraSource, source -> {
            try {
                vision.switchCamera(CameraSpec.parse(source, started.width(), started.height(), started.fps()));
            } catch (IllegalArgumentException e) {
                // The admin API checked it when it was saved; a device can vanish in between.
                LOG.warn("cannot switch to camera '{}': {}", source, e.getMessage());
            }
        });
    }

    /**
     * The owner's cap on the player, now and after every change, never above the installer's ceiling
     * ({@code --volume-cap}, say for small speakers that distort): the owner may lower it, and raise it
     * again up to that ceiling, but not past it.
     */
    public static void volumeCap(SettingsStore settings, Player player, double ceiling) {
        settings.follow(s -> Math.max(0, Math.min(ceiling, s.volumeCap())), player::setVolumeCap);
    }

    /**
     * A broker given on the command line ({@code --mqtt}) becomes the owner's link setting, so the admin page
     * shows it as set and a restart without the option keeps it; its password goes to the secret file. A URL
     * without a password leaves a stored one alone.
     */
    static void mqttFromCommandLine(SettingsStore settings, SecretFile password, MqttUrl url) {
        if (url == null) {
            return;
        }
        MqttSettings before = settings.current().mqtt();
        settings.save(settings.current().withMqtt(new MqttSettings(true, url.host(), url.port(), url.tls(),
                before.caFile(), url.user(), before.baseTopic(), before.discoveryPrefix(), before.shareMood(),
                before.followGroup(), before.group())));
        url.password().ifPresent(password::set);
        LOG.info("MQTT link from --mqtt: {}", url);
    }

    /** The owner's languages, favourite and excluded artists as the recommender's filter, from the next card on. */
    public static Supplier<TrackFilter> trackFilter(SettingsStore settings) {
        AtomicReference<TrackFilter> filter = new AtomicReference<>();
        settings.follow(OwnerSettings::trackFilterOf, filter::set);
        return filter::get;
    }

    /** Any artist and explicit tracks allowed: the admin page has no switch for those yet. */
    static TrackFilter trackFilterOf(Settings s) {
        return new TrackFilter(new HashSet<>(s.languages()), null, new HashSet<>(s.favouriteArtists()),
                new HashSet<>(s.excludedArtists()), true);
    }

    /** The owner's strategy per emotion as the recommender's plan, from the next request on. */
    static Supplier<StrategyPlan> strategyPlan(SettingsStore settings, int liftSteps) {
        AtomicReference<StrategyPlan> plan = new AtomicReference<>();
        settings.follow(Settings::strategies, strategies -> plan.set(new StrategyPlan(strategies, liftSteps)));
        return plan::get;
    }
}
