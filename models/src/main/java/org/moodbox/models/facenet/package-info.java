/**
 * Graph surgery on the pinned MobileFaceNet for the face-pretrained emotion network: trunk and tail for the
 * lab, the trained part alone for the repository, and the whole classifier the build joins. Works on TFLite
 * graphs only; training lives in models/lab.
 */
package org.moodbox.models.facenet;
