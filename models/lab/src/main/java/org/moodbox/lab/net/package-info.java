/**
 * The VGG-style DCNN's layers in DJL.
 */
package org.moodbox.lab.net;
