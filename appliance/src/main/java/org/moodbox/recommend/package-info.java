/**
 * Tracks for a mood: targets, strategies (match, lift, calm), filters, diversity, history, feedback and reasons.
 * Knows neither how tracks are played nor where the owner's settings are stored (app hands it its filter and plan).
 */
package org.moodbox.recommend;
