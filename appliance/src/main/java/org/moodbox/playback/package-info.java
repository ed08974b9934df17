/**
 * {@link org.moodbox.playback.Player} and its implementations: the local file player, routing, the queue, sinks.
 * Imports no music source (catalog, Spotify, YouTube): sources depend on playback, never the reverse.
 */
package org.moodbox.playback;
