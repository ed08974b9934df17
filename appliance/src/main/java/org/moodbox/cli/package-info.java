/**
 * The command line's commands other than the appliance itself (detect, eval, bench, catalog, library,
 * recommend): thin shells over the rooms. The commands that start the appliance live in {@code app}.
 */
package org.moodbox.cli;
