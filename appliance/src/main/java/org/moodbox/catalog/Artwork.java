package org.moodbox.catalog;

/** Album art as stored: the encoded image and its MIME type. */
public record Artwork(byte[] data, String mimeType) {
}
