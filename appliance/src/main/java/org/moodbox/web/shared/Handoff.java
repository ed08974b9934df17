package org.moodbox.web.shared;

import java.util.List;
import java.util.function.Supplier;
import org.moodbox.recommend.OnlineSource;
import org.moodbox.settings.SecretFile;
import org.moodbox.settings.YoutubeSettings;
import org.moodbox.youtube.YoutubeCandidates;

/**
 * What the web room needs for handing songs to phones and for the online sources' notices.
 *
 * @param phoneLink where QR codes open songs ("youtube" or "spotify"), read per request
 * @param sources   online candidate sources whose notices the kiosk and admin page show
 * @param youtube    the YouTube source for the admin page's section; null when the box has none
 * @param youtubeKey where its API key is kept (0600); null with {@code youtube}
 */
public record Handoff(Supplier<String> phoneLink, List<OnlineSource> sources, YoutubeCandidates youtube,
                      SecretFile youtubeKey) {
    public Handoff {
        sources = List.copyOf(sources);
        if ((youtube == null) != (youtubeKey == null)) {
            throw new IllegalArgumentException("the YouTube source and its key file come together");
        }
    }

    /** QR codes opening YouTube searches, no online sources: a server without the owner's settings. */
    public static Handoff linksOnly() {
        return new Handoff(() -> YoutubeSettings.defaults().phoneLink(), List.of(), null, null);
    }
}
