package org.moodbox.web;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.moodbox.catalog.scan.BackgroundScan;
import org.moodbox.vision.VisionStatus;

/**
 * What the screens may ask of the other rooms beyond mood, cards and player: the vision loop's figures and the
 * one-shot camera preview (owner's status and camera sections), the library rescan, the artist search, and the
 * listener's likes and skips. Each may be null where a server has no such room (tests, the read-only status
 * page); the routes then answer 503 with a sentence saying so.
 *
 * @param vision           the vision loop's status now (fps, ms per stage, models)
 * @param preview          one camera frame as JPEG on the owner's explicit tap
 * @param library          the background library scan the owner starts
 * @param installerFolders music folders given on the command line (shown read-only next to the owner's)
 * @param artists          artist names from the catalog, for search as you type
 * @param feedback         where likes and skips go (the catalog's play history)
 * @param handoff          the cards' phone links (QR) and the online sources' notices and admin section
 * @param extensions       routes other rooms add (Spotify's link page and kiosk notice)
 */
public record RoomLinks(Supplier<VisionStatus> vision, CameraPreview preview, BackgroundScan library,
                        Supplier<List<Path>> installerFolders, ArtistDirectory artists, TrackFeedback feedback,
                        Handoff handoff, List<WebExtension> extensions) {
    public RoomLinks {
        handoff = handoff == null ? Handoff.linksOnly() : handoff;
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** Without online sources: phone links to YouTube searches, no extra routes. */
    public RoomLinks(Supplier<VisionStatus> vision, CameraPreview preview, BackgroundScan library,
                     Supplier<List<Path>> installerFolders, ArtistDirectory artists, TrackFeedback feedback) {
        this(vision, preview, library, installerFolders, artists, feedback, null, null);
    }

    public static RoomLinks none() {
        return new RoomLinks(null, null, null, List::of, null, null);
    }

    public RoomLinks with(Handoff nextHandoff, List<WebExtension> nextExtensions) {
        return new RoomLinks(vision, preview, library, installerFolders, artists, feedback, nextHandoff,
                nextExtensions);
    }
}
