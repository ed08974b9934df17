/**
 * The web room: the kiosk page, the owner's admin page and the API behind them, on one Javalin server
 * ({@link org.moodbox.web.WebServer}).
 *
 * <pre>
 * GET  /                         kiosk page (classpath /kiosk: index.html, kiosk.css, kiosk.js)
 * GET  /admin                    admin page: first-run password, sign-in, settings, status (admin-web jar)
 * GET  /api/state                {mood, recommendations, playback, catalogSize, cameraOn}
 * GET  /api/events               Server-Sent Events: mood, recommendations, playback (current values first)
 * POST /api/play                 {"trackId": 42}       400 for a missing or unknown id
 * POST /api/pause | resume | stop
 * POST /api/volume               {"volume": 0.5}       0..1
 * POST /api/mood/override        {"emotion": "happy"}  400 for an unknown emotion
 * POST /api/recommendations/refresh                    new cards for the current mood
 * GET  /api/artwork/{id}         stored cover or a generated SVG placeholder; 404 for unknown ids
 *
 * Owner's API (AdminRoutes, the OwnerSignIn extension; without it every owner route answers 401). Non-GET
 * requests need the session's X-CSRF-Token header (403 without it, and for a cross-site Origin):
 * GET  /admin/api/session        {passwordSet, signedIn, csrfToken, minPasswordLength}; starts a session
 * POST /admin/api/setup          {"password", "confirm"}  only while no password exists (409 after); signs in
 * POST /admin/api/signin         {"password"}  401 wrong, 429 "try again in N s" after 5 failures in 5 min
 * POST /admin/api/signout
 * GET  /admin/api/settings       {settings, problem}  401 unless signed in
 * PUT  /admin/api/settings       settings JSON (absent fields kept); 400 {error, fields: {field: message}}
 * </pre>
 *
 * Every error is {@code {"error": "..."}} with a sentence for a person. Only mood numbers pass through
 * here: no frame, no face crop, no face box ever reaches a page. The kiosk API has no authentication (the
 * touchscreen on 127.0.0.1 uses it); the admin API has sign-in, sessions and CSRF tokens.
 *
 * <p>Every route registered with {@code Access.OWNER} (settings, status, camera, library, choices, artists,
 * queue, YouTube, Spotify) is checked once by the server before its handler: 401 unless the owner signed in.
 *
 * <p>This package holds the server alone: the routes live in {@code web.kiosk} and {@code web.admin}, over what
 * they share in {@code web.shared}. It knows no inference internals: moods arrive as records.
 */
package org.moodbox.web;

