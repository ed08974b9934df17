/**
 * The kiosk's routes (the box's own screen): state and events, playback, artwork, the box's facts, and the
 * queue and hand-over links as {@link org.moodbox.web.shared.WebExtension}s. Refuses what only the kiosk may do
 * to other clients. Builds on {@code web.shared}.
 */
package org.moodbox.web.kiosk;
