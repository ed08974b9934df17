/**
 * The kiosk's routes (the box's own screen): state and events, playback, the queue, artwork, hand-over links,
 * the box's button. Refuses what only the kiosk may do to other clients. Builds on {@code web.shared}.
 */
package org.moodbox.web.kiosk;
