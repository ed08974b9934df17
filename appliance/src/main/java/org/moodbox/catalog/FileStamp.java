package org.moodbox.catalog;

/**
 * Size and modification time of a library file: when both are unchanged a rescan skips the file,
 * which keeps a rescan of a large library to a directory walk.
 */
public record FileStamp(long size, long mtimeMillis) {
}
