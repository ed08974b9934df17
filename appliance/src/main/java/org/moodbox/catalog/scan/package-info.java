/**
 * The library scan: files and tags to catalog entries, incremental, in the background with progress. Uses the
 * audio analysis for tracks without features.
 */
package org.moodbox.catalog.scan;
