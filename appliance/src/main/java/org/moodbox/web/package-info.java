/**
 * The web room: the kiosk page, the owner's admin page and the API behind them, on one Javalin server
 * ({@link org.moodbox.web.WebServer}).
 *
 * <pre>
 * GET  /                         kiosk page (classpath /kiosk: index.html, kiosk.css, kiosk.js)
 * GET  /admin                    admin status page (classpath /admin-web, from the admin-web jar)
 * GET  /api/state                {mood, recommendations, playback, catalogSize, cameraOn}
 * GET  /api/events               Server-Sent Events: mood, recommendations, playback (current values first)
 * POST /api/play                 {"trackId": 42}       400 for a missing or unknown id
 * POST /api/pause | resume | stop
 * POST /api/volume               {"volume": 0.5}       0..1
 * POST /api/mood/override        {"emotion": "happy"}  400 for an unknown emotion
 * POST /api/recommendations/refresh                    new cards for the current mood
 * GET  /api/artwork/{id}         stored cover or a generated SVG placeholder; 404 for unknown ids
 * </pre>
 *
 * Every error is {@code {"error": "..."}} with a sentence for a person. Only mood numbers pass through
 * here: no frame, no face crop, no face box ever reaches a page. No authentication yet: bind to 127.0.0.1
 * (the kiosk default) until the admin page gets its sign-in.
 */
package org.moodbox.web;
