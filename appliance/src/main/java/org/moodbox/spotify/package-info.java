/**
 * Spotify: the account link, candidates from the Web API, the Connect player, and the box's own librespot
 * device ({@code spotify.librespot}). Sees no pixels.
 */
package org.moodbox.spotify;
