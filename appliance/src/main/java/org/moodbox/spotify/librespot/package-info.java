/**
 * Supervision of the box's librespot Connect device: its config, its process, its state. Part of the Spotify
 * room; playback knows nothing of it.
 */
package org.moodbox.spotify.librespot;
