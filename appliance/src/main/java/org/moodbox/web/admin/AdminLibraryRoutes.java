package org.moodbox.web.admin;

import org.moodbox.web.shared.ApiException;
import org.moodbox.web.shared.TrackLookup;

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
public final class AdminLibraryRoutes {
    private final OwnerGate gate;
    private final BackgroundScan scan;
    private final Supplier<List<Path>> installerFolders;
    private final TrackLookup tracks;

    public AdminLibraryRoutes(OwnerGate gate, BackgroundScan scan, Supplier<List<Path>> installerFolders, TrackLookup tracks) {
        this.gate = gate;
        this.scan = scan;
        this.installerFolders = installerFolders;
        this.tracks = tracks;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/api/library", ctx -> {
            gate.check(ctx);
            ctx.json(view());
        });
        routes.post("/admin/api/library/rescan", this::rescan);
    }

    private void rescan(Context ctx) {
        gate.check(ctx);
        if (scan == null) {
            throw new ApiException(503, "this box cannot scan its library from the admin page");
        }
        boolean started = scan.start();
        ctx.status(started ? 202 : 200).json(view());
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

    private Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("installerFolders", installerFolders.get().stream().map(Path::toString).toList());
        view.put("tracks", tracks.count());
        view.put("scan", scan == null ? null : scanView(scan.status()));
        view.put("canScan", scan != null);
        return view;
    }
}
