/**
 * What the kiosk and admin routes share: the error shape, JSON bodies, the live state and its event hub, the
 * views, and the ports other rooms plug in (track lookup, feedback, artists, camera preview, hand-over,
 * extensions).
 */
package org.moodbox.web.shared;
