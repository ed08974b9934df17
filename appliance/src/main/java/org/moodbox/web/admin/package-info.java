/**
 * The owner's routes (phone): sign-in and sessions, settings, status, camera, library, artist languages,
 * Spotify and YouTube sections. Builds on {@code web.shared}; knows no inference internals.
 */
package org.moodbox.web.admin;
