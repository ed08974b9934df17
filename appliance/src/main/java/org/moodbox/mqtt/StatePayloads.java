package org.moodbox.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.moodbox.model.Mood;
import org.moodbox.model.Track;
import org.moodbox.playback.PlaybackState;

/**
 * The state documents the box publishes, from the rooms' own records. Numbers and names only: the mood is the
 * tracker's summary (never a face, a box or a frame), now playing is the track's tags and a link to its cover.
 */
final class StatePayloads {
    private final ObjectMapper json;
    private final String artworkBase;

    StatePayloads(ObjectMapper json, String artworkBase) {
        this.json = json;
        this.artworkBase = artworkBase;
    }

    /** {@code {"emotion", "confidence", "valence", "arousal", "sure", "source"}}; emotion "nobody" when nobody is seen. */
    byte[] mood(Mood mood) {
        ObjectNode node = json.createObjectNode();
        boolean nobody = !mood.present() && !"override".equals(mood.source());
        node.put("emotion", nobody ? "nobody" : mood.label());
        node.put("confidence", round(mood.confidence()));
        node.put("valence", round(mood.valence()));
        node.put("arousal", round(mood.arousal()));
        node.put("sure", mood.sure());
        node.put("source", "none".equals(mood.source()) ? "nobody" : mood.source());
        return bytes(node);
    }

    static byte[] presence(Mood mood) {
        return text(mood.present() ? Discovery.ON : Discovery.OFF);
    }

    /** The select's state: the emotion chosen by hand while the override holds, else "auto". */
    static byte[] override(Mood mood) {
        return text("override".equals(mood.source()) ? mood.label() : Discovery.AUTO);
    }

    /** {@code {"state", "title", "artist", "album", "source", "art_url"}}; empty strings when nothing is loaded. */
    byte[] nowPlaying(PlaybackState state) {
        Track track = state.status() == PlaybackState.Status.STOPPED ? null : state.track();
        ObjectNode node = json.createObjectNode();
        node.put("state", state.status().name().toLowerCase(java.util.Locale.ROOT));
        node.put("title", track == null ? "" : track.title());
        node.put("artist", track == null ? "" : nullToEmpty(track.artist()));
        node.put("album", track == null ? "" : nullToEmpty(track.album()));
        node.put("source", track == null ? "" : track.source().key());
        node.put("art_url", track == null ? "" : artworkBase + track.id());
        return bytes(node);
    }

    /** Percent, as the volume number shows it. */
    static byte[] volume(PlaybackState state) {
        return text(Long.toString(Math.round(state.volume() * 100)));
    }

    static byte[] onOff(boolean on) {
        return text(on ? Discovery.ON : Discovery.OFF);
    }

    static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] bytes(ObjectNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a state document", e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
