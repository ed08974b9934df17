package org.moodbox.mqtt;

import java.time.Instant;

/**
 * What the owner's page shows of the link.
 *
 * @param detail        the broker's or the network's words for a failure, or what happens next; null when connected
 * @param since         when the link entered this state
 * @param lastMessageAt when a message last went to or came from the broker; null before the first
 * @param nextTryAt     when the box tries again (while not connected and on); null otherwise
 * @param ignored       the last collapsed warning about ignored commands, or null
 * @param group         the group document's fate, or null when the box follows no group or none arrived yet
 */
public record LinkStatus(LinkState state, String broker, String detail, Instant since, Instant lastMessageAt,
                         Instant nextTryAt, String ignored, GroupStatus group) {

    /**
     * @param state   applied, refused, unchanged (the same document again: the owner's later changes stay) or
     *                ignored (not following)
     * @param changed which settings the document set, in the group document's words
     * @param errors  why it was refused, one sentence per field; empty otherwise
     */
    public record GroupStatus(String group, String state, Instant at, java.util.List<String> changed,
                              java.util.Map<String, String> errors) {
    }
}
