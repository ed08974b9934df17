package org.moodbox.youtube;

/**
 * Where a phone that scans a card's QR code goes.
 *
 * @param url     an absolute https URL, ASCII only (non-ASCII text percent-encoded as UTF-8)
 * @param service "youtube" or "spotify"
 * @param label   what the card's back says, e.g. "Scan to open on YouTube"
 */
public record PhoneLink(String url, String service, String label) {
}
