package org.moodbox.web.shared;

/**
 * What a {@link WebExtension} finds in the server it joins: the kiosk's rooms, and the live state the screens
 * follow (to show new cards after a change). Route classes that read bodies use {@link WebJson#mapper()}.
 */
public record WebRoom(KioskRooms kiosk, LiveState live) {
}
