/**
 * Frame sources: V4L2 and CSI cameras, a file, a folder of images, with reconnect. Knows nothing of faces or
 * music: frames go to whoever asked for them (the vision loop).
 */
package org.moodbox.camera;
