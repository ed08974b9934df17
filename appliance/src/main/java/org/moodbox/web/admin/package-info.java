/**
 * The owner's routes (phone): sign-in and sessions, settings, status, camera, library, artist languages,
 * Spotify and YouTube sections, each a {@link org.moodbox.web.shared.WebExtension} whose routes declare
 * {@link org.moodbox.web.shared.Access#OWNER}; no handler checks the sign-in itself. Builds on
 * {@code web.shared}; knows no inference internals.
 */
package org.moodbox.web.admin;
