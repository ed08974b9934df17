package org.moodbox.youtube;

/**
 * One video of a search answer, as the Data API describes it (titles already HTML-unescaped).
 *
 * @param thumbnailUrl the medium (320x180) thumbnail, or the default one; null when the answer had none
 */
public record Video(String videoId, String title, String channelTitle, String thumbnailUrl) {
    public String watchUrl() {
        return PhoneLinks.youtubeWatchUrl(videoId);
    }
}
