/**
 * The DCNN's training loop: schedule, resumable checkpoints, per-epoch results.
 */
package org.moodbox.lab.train;
