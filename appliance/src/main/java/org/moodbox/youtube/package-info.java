/**
 * YouTube, the one way it fits a kiosk: songs are handed to a phone, never played on the box.
 *
 * <p>Two parts. {@link org.moodbox.youtube.PhoneLinks} and {@link org.moodbox.youtube.QrPng} turn any card's
 * song into a QR code (made on the box, no network) that opens it on YouTube or Spotify on the phone that
 * scans it. {@link org.moodbox.youtube.YoutubeCandidates} is an optional
 * {@link org.moodbox.recommend.OnlineSource}: it searches the YouTube Data API v3 by mood words, languages
 * and favourite artists in the background, within a daily quota it accounts for in SQLite, and files the
 * videos into the catalog as link-only tracks.
 *
 * <p>It sees no pixels, and never the settings store: app hands it the owner's YouTube settings.
 */
package org.moodbox.youtube;
