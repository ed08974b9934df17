/**
 * The entry point only ({@link org.moodbox.Moodbox}): the command line, which hands each command to its room.
 */
package org.moodbox;
