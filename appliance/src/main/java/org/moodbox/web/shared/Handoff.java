package org.moodbox.web.shared;

import java.util.List;
import java.util.function.Supplier;
import org.moodbox.recommend.OnlineSource;

/**
 * What the web room needs for handing songs to phones and for the online sources' notices on the kiosk.
 *
 * @param phoneLink where QR codes open songs ("youtube" or "spotify"), read per request
 * @param sources   online candidate sources whose notices the kiosk shows
 */
public record Handoff(Supplier<String> phoneLink, List<OnlineSource> sources) {
    public Handoff {
        java.util.Objects.requireNonNull(phoneLink, "phoneLink");
        sources = List.copyOf(sources);
    }
}
