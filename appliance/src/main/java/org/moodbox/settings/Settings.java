package org.moodbox.settings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.moodbox.model.Strategy;
import org.moodbox.vision.DetectorKind;
import org.moodbox.model.Emotion;
import org.moodbox.vision.EmotionModelKind;

/**
 * Everything the owner sets on the admin page, as one immutable value. A {@code Settings} that exists is
 * valid: the constructor checks every field and reports all problems at once ({@link InvalidSettingsException},
 * one sentence per field), so no room ever has to re-check what it reads.
 *
 * <p>An artist may not be both a favourite and excluded: the two wishes contradict each other and the
 * recommender could only silently pick one, so the owner is asked to choose (compared ignoring case).
 *
 * @param languages        ISO 639-1 codes ("en", "de"); empty means any language
 * @param favouriteArtists artists to prefer, as the owner spells them
 * @param excludedArtists  artists never to play
 * @param volumeCap        the loudest the kiosk may play, 0..1
 * @param screenSchedule   when the screen dims at night
 * @param detector         which face detector the vision room runs
 * @param cameraSource     the camera, in the syntax of the {@code --camera} option (e.g. {@code /dev/video0}, {@code csi:})
 * @param strategies       how the recommender answers each emotion (match, lift, calm); every emotion has one
 * @param libraryFolders   music folders the owner added (absolute paths), scanned with the installer's ones
 * @param youtube          phone links (the QR on a card's back) and the optional YouTube search; never null
 * @param emotionModel     which emotion model the vision room classifies faces with
 * @param gpio             the pins of the box's button, status LED and presence sensor
 * @param mqtt             the link to an MQTT broker (Home Assistant, a fleet); never null
 * @param cameraOn         false: the owner turned the camera off (privacy); nobody is seen, the mood says "nobody"
 */
public record Settings(List<String> languages, List<String> favouriteArtists, List<String> excludedArtists,
                       double volumeCap, ScreenSchedule screenSchedule, DetectorKind detector, String cameraSource,
                       Map<Emotion, Strategy> strategies, List<String> libraryFolders, YoutubeSettings youtube,
                       EmotionModelKind emotionModel, GpioSettings gpio, MqttSettings mqtt, boolean cameraOn) {
    static final int MAX_ARTISTS = 200;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_CAMERA_SOURCE_LENGTH = 500;
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    public Settings {
        FieldErrors errors = new FieldErrors();
        languages = languages(errors, languages);
        favouriteArtists = artists(errors, "favouriteArtists", favouriteArtists);
        excludedArtists = artists(errors, "excludedArtists", excludedArtists);
        if (!errors.has("favouriteArtists") && !errors.has("excludedArtists")) {
            noArtistInBoth(errors, favouriteArtists, excludedArtists);
        }
        if (!Double.isFinite(volumeCap) || volumeCap < 0 || volumeCap > 1) {
            errors.add("volumeCap", "must be between 0 and 1 (0% to 100%), got " + volumeCap);
        }
        if (screenSchedule == null) {
            errors.add("screenSchedule", "is required");
        }
        if (detector == null) {
            errors.add("detector", "must be one of " + DetectorKind.names());
        }
        cameraSource = cameraSource(errors, cameraSource);
        strategies = strategies(strategies);
        libraryFolders = LibraryFolders.check(errors, libraryFolders);
        youtube = youtube == null ? YoutubeSettings.defaults() : youtube; // valid by its own constructor
        if (emotionModel == null) {
            errors.add("emotionModel", "must be one of " + EmotionModelKind.names());
        }
        if (gpio == null) {
            errors.add("gpio", "is required");
        }
        mqtt = mqtt == null ? MqttSettings.defaults() : mqtt; // valid by its own constructor
        errors.throwIfAny();
    }

    /** Without the MQTT link and the camera switch, which came later: no link, the camera on. */
    public Settings(List<String> languages, List<String> favouriteArtists, List<String> excludedArtists,
                    double volumeCap, ScreenSchedule screenSchedule, DetectorKind detector, String cameraSource,
                    Map<Emotion, Strategy> strategies, List<String> libraryFolders, YoutubeSettings youtube,
                    EmotionModelKind emotionModel, GpioSettings gpio) {
        this(languages, favouriteArtists, excludedArtists, volumeCap, screenSchedule, detector, cameraSource,
                strategies, libraryFolders, youtube, emotionModel, gpio, MqttSettings.defaults(), true);
    }

    /** Without the parts added later: their defaults (the settings as they were before those existed). */
    public Settings(List<String> languages, List<String> favouriteArtists, List<String> excludedArtists,
                    double volumeCap, ScreenSchedule screenSchedule, DetectorKind detector, String cameraSource) {
        this(languages, favouriteArtists, excludedArtists, volumeCap, screenSchedule, detector, cameraSource,
                defaultStrategies(), List.of(), null, EmotionModelKind.DEFAULT, GpioSettings.defaults(),
                MqttSettings.defaults(), true);
    }

    /**
     * What a new box starts with: any language, no artist preferences, 80% volume, dim 22:00 to 07:00, BlazeFace
     * full range and the emotion model the README's rule chose ({@link EmotionModelKind#DEFAULT}).
     */
    public static Settings defaults() {
        return new Settings(List.of(), List.of(), List.of(), 0.8, ScreenSchedule.defaults(), DetectorKind.DEFAULT,
                "/dev/video0", defaultStrategies(), List.of(), YoutubeSettings.defaults(), EmotionModelKind.DEFAULT,
                GpioSettings.defaults(), MqttSettings.defaults(), true);
    }

    public Settings withVolumeCap(double cap) {
        return new Settings(languages, favouriteArtists, excludedArtists, cap, screenSchedule, detector, cameraSource,
                strategies, libraryFolders, youtube, emotionModel, gpio, mqtt, cameraOn);
    }

    public Settings withYoutube(YoutubeSettings next) {
        return new Settings(languages, favouriteArtists, excludedArtists, volumeCap, screenSchedule, detector,
                cameraSource, strategies, libraryFolders, next, emotionModel, gpio, mqtt, cameraOn);
    }

    public Settings withMqtt(MqttSettings next) {
        return new Settings(languages, favouriteArtists, excludedArtists, volumeCap, screenSchedule, detector,
                cameraSource, strategies, libraryFolders, youtube, emotionModel, gpio, next, cameraOn);
    }

    /**
     * Sad is lifted (toward content), angry and fear are calmed, the rest is matched: a happy or surprised
     * listener has no reason to be moved, and neutral or disgust have no better place every listener would
     * agree on. The same plan as {@code StrategyPlan.defaults()}, spelt out for every emotion.
     */
    public static Map<Emotion, Strategy> defaultStrategies() {
        Map<Emotion, Strategy> plan = new EnumMap<>(Emotion.class);
        for (Emotion e : Emotion.values()) {
            plan.put(e, Strategy.MATCH);
        }
        plan.put(Emotion.SAD, Strategy.LIFT);
        plan.put(Emotion.ANGRY, Strategy.CALM);
        plan.put(Emotion.FEAR, Strategy.CALM);
        return plan;
    }

    /** Every emotion gets a strategy: ones the map lacks are matched, so the record always says all seven. */
    private static Map<Emotion, Strategy> strategies(Map<Emotion, Strategy> given) {
        Map<Emotion, Strategy> all = new EnumMap<>(Emotion.class);
        for (Emotion e : Emotion.values()) {
            Strategy s = given == null ? null : given.get(e);
            all.put(e, s == null ? Strategy.MATCH : s);
        }
        return java.util.Collections.unmodifiableMap(all);
    }

    private static List<String> languages(FieldErrors errors, List<String> codes) {
        if (codes == null) {
            return List.of();
        }
        List<String> clean = new ArrayList<>();
        for (String code : codes) {
            String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
            if (c.length() != 2 || !ISO_639_1.contains(c)) {
                errors.add("languages", "'" + (code == null ? "" : code.trim()) + "' is not a two-letter ISO 639-1 "
                        + "language code; use codes like en, de, fr, es");
            } else if (!clean.contains(c)) {
                clean.add(c);
            }
        }
        return List.copyOf(clean);
    }

    private static List<String> artists(FieldErrors errors, String field, List<String> names) {
        if (names == null) {
            return List.of();
        }
        if (names.size() > MAX_ARTISTS) {
            errors.add(field, "at most " + MAX_ARTISTS + " artists, got " + names.size());
            return List.of();
        }
        List<String> clean = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            String n = name == null ? "" : name.strip();
            if (n.isEmpty()) {
                errors.add(field, "an artist name is empty; leave no blank entries");
            } else if (n.length() > MAX_NAME_LENGTH) {
                errors.add(field, "an artist name is longer than " + MAX_NAME_LENGTH + " characters");
            } else if (n.chars().anyMatch(Character::isISOControl)) {
                errors.add(field, "'" + n.replaceAll("\\p{Cntrl}", "?") + "' contains control characters");
            } else if (seen.add(n.toLowerCase(Locale.ROOT))) {
                clean.add(n); // a repeat of the same name (any case) is dropped, not an error
            }
        }
        return List.copyOf(clean);
    }

    private static void noArtistInBoth(FieldErrors errors, List<String> favourites, List<String> excluded) {
        Set<String> liked = new HashSet<>();
        favourites.forEach(f -> liked.add(f.toLowerCase(Locale.ROOT)));
        excluded.stream().filter(e -> liked.contains(e.toLowerCase(Locale.ROOT))).findFirst().ifPresent(e ->
                errors.add("excludedArtists", "'" + e + "' is also a favourite; an artist cannot be both"));
    }

    private static String cameraSource(FieldErrors errors, String source) {
        String s = source == null ? "" : source.strip();
        // Settings files of the first builds spelt the default "usb:/dev/video0", a form the camera code never
        // accepted: read as the device it names, so an untouched camera form saves without an error.
        if (s.startsWith("usb:/dev/video")) {
            s = s.substring("usb:".length());
        }
        if (s.isEmpty()) {
            errors.add("cameraSource", "is required, e.g. /dev/video0");
        } else if (s.length() > MAX_CAMERA_SOURCE_LENGTH) {
            errors.add("cameraSource", "is longer than " + MAX_CAMERA_SOURCE_LENGTH + " characters");
        } else if (s.chars().anyMatch(Character::isISOControl)) {
            errors.add("cameraSource", "contains control characters");
        }
        return s;
    }

    @Override
    public String toString() {
        return "Settings[languages=" + languages + ", favourites=" + favouriteArtists.size() + ", excluded="
                + excludedArtists.size() + ", volumeCap=" + volumeCap + ", " + screenSchedule + ", detector="
                + (detector == null ? null : detector.id()) + ", emotionModel=" + (emotionModel == null ? null : emotionModel.id())
                + ", camera=" + Objects.toString(cameraSource) + ", strategies=" + strategies + ", libraryFolders="
                + libraryFolders.size() + ", " + youtube + ", " + gpio + ", " + mqtt + ", cameraOn=" + cameraOn + "]";
    }
}
