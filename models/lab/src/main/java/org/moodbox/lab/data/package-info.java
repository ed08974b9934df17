/**
 * Training rows: cleaning FER-2013, preprocessing exactly as the appliance feeds a face, and augmentation.
 */
package org.moodbox.lab.data;
