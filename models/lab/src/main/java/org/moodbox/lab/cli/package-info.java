/**
 * The lab's commands (train, export, cache, fnet-*, calibrate, quantize, teacher, paste-faces): read options, run one
 * job, print figures. Every long job checkpoints and resumes with the same command.
 */
package org.moodbox.lab.cli;
