/**
 * The composition root: builds every room with its constructor, reads the configuration once (arguments and
 * environment, {@link org.moodbox.app.ApplianceConfig}), applies each part of the owner's settings to its room
 * through one mechanism ({@link org.moodbox.app.OwnerSettings}), and wires the box's controls and hardware.
 * Also the commands that start the appliance (run, demo). Nothing imports this package.
 */
package org.moodbox.app;
