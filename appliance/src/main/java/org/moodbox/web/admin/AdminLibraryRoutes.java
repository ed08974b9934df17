package org.moodbox.web.admin;

import org.moodbox.web.shared.Access;
import org.moodbox.web.shared.ApiException;
import org.moodbox.web.shared.TrackLookup;
import org.moodbox.web.shared.WebExtension;
import org.moodbox.web.shared.WebRoom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.moodbox.catalog.scan.BackgroundScan;
import org.moodbox.catalog.scan.ScanStatus;

/**
 * The owner's library section: which folders are scanned (the installer's from the command line, read-only,
 * and the owner's from the settings), a rescan that runs in the background, and its progress for the page to
 * poll ({@code GET /admin/api/library}) while it runs.
 */
public final class AdminLibraryRoutes implements WebExtension {
    private final BackgroundScan scan;
    private final Supplier<List<Path>> installerFolders;

    /**
     * @param scan             the background library scan the owner starts; null where a server has none
     * @param installerFolders music folders given on the command line (shown read-only next to the owner's)
     */
    public AdminLibraryRoutes(BackgroundScan scan, Supplier<List<Path>> installerFolders) {
        this.scan = scan;
        this.installerFolders = installerFolders;
    }

    @Override
    public void register(RoutesConfig routes, WebRoom room) {
        if (scan != null) {
            // New tracks reach the kiosk's cards when a scan ends.
            scan.onFinished(room.live()::catalogChanged);
        }
        TrackLookup tracks = room.kiosk().tracks();
        routes.get("/admin/api/library", ctx -> ctx.json(view(tracks)), Access.OWNER);
        routes.post("/admin/api/library/rescan", ctx -> rescan(ctx, tracks), Access.OWNER);
    }

    private void rescan(Context ctx, TrackLookup tracks) {
        if (scan == null) {
            throw new ApiException(503, "this box cannot scan its library from the admin page");
        }
        boolean started = scan.start();
        ctx.status(started ? 202 : 200).json(view(tracks));
    }

    private static Map<String, Object> scanView(ScanStatus s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("state", s.state().key());
        view.put("done", s.done());
        view.put("total", s.total());
        view.put("currentFile", s.currentFile());
        view.put("startedAt", s.startedAt() == null ? null : s.startedAt().toString());
        view.put("finishedAt", s.finishedAt() == null ? null : s.finishedAt().toString());
        view.put("added", s.added());
        view.put("updated", s.updated());
        view.put("unchanged", s.unchanged());
        view.put("failures", s.failures());
        view.put("error", s.error());
        return view;
    }

    private Map<String, Object> view(TrackLookup tracks) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("installerFolders", installerFolders.get().stream().map(Path::toString).toList());
        view.put("tracks", tracks.count());
        view.put("scan", scan == null ? null : scanView(scan.status()));
        view.put("canScan", scan != null);
        return view;
    }
}
