/**
 * What the kiosk and admin routes share: the error shape, JSON bodies, the live state and its event hub, the
 * views, the ports other rooms plug in (track lookup, feedback, artists, camera preview, hand-over), and how a
 * server is extended: {@link org.moodbox.web.shared.KioskRooms} (what every server shows),
 * {@link org.moodbox.web.shared.WebExtension} (everything else), {@link org.moodbox.web.shared.Access} (the
 * owner's role on a route) and {@link org.moodbox.web.shared.OwnerSignIn}. Knows neither the server nor the
 * routes built on it.
 */
package org.moodbox.web.shared;
