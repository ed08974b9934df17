/**
 * Audio analysis: decoding a file, its spectrum, the descriptors and the mood features a track gets from them.
 * Writes nothing: the scan stores what it measures.
 */
package org.moodbox.catalog.audio;
