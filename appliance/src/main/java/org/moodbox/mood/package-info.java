/**
 * From faces to one mood: smoothing, the primary face, hysteresis, "not sure", the owner's override, presence.
 * Knows no pixels and no music.
 */
package org.moodbox.mood;
