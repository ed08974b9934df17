package org.moodbox.recommend;

import org.moodbox.model.SourceKind;
import java.time.Instant;

/**
 * A sentence about an online source that people should see, on the kiosk (short) and on the admin page.
 *
 * @param source  the source it is about
 * @param kiosk   for the person at the screen: short, no jargon
 * @param owner   for the owner: what happened and what to do
 * @param until   when the source will try again by itself; null when the owner has to act
 */
public record SourceNotice(SourceKind source, String kiosk, String owner, Instant until) {
}
