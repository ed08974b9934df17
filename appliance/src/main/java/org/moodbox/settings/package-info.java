/**
 * The owner's settings: one validated record, an atomic store, secret files (0600), and
 * {@link org.moodbox.settings.SettingsStore#follow} that hands a room its part. Knows no other room's insides;
 * only app and web touch the store.
 */
package org.moodbox.settings;
