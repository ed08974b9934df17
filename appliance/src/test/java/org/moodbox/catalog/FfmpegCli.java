package org.moodbox.catalog;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * The {@code ffmpeg} program that ships inside the FFmpeg preset jar (the same FFmpeg build the appliance
 * decodes with), for writing real tagged files with cover art: MP3 (ID3v2 + APIC), OGG Vorbis (Vorbis
 * comments + METADATA_BLOCK_PICTURE), FLAC (PICTURE block) and M4A (MP4 atoms + covr).
 */
public final class FfmpegCli {
    private FfmpegCli() {
    }

    /** Encodes {@code source} to {@code out} (format by extension) with the tags and, if given, a PNG cover. */
    public static Path encode(Path source, Path out, Map<String, String> tags, Path pngCover) throws Exception {
        String name = out.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        List<String> cmd = new ArrayList<>(List.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class),
                "-hide_banner", "-loglevel", "error", "-y", "-i", source.toString()));
        boolean attachedPicture = pngCover != null && !ext.equals("ogg");
        if (attachedPicture) {
            cmd.addAll(List.of("-i", pngCover.toString(), "-map", "0:a", "-map", "1:v", "-c:v", "copy",
                    "-disposition:v", "attached_pic"));
        }
        switch (ext) {
            case "mp3" -> cmd.addAll(List.of("-c:a", "libmp3lame", "-b:a", "96k", "-id3v2_version", "3"));
            case "ogg" -> cmd.addAll(List.of("-c:a", "vorbis", "-strict", "-2", "-ac", "2"));
            case "flac" -> cmd.addAll(List.of("-c:a", "flac"));
            case "m4a" -> cmd.addAll(List.of("-c:a", "aac", "-b:a", "96k"));
            default -> throw new IllegalArgumentException("no recipe for ." + ext);
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (ext.equals("m4a") && tag.getKey().equals("language")) {
                // MP4 keeps a language per track (mdhd), not as a tag.
                cmd.addAll(List.of("-metadata:s:a:0", "language=" + tag.getValue()));
            } else {
                cmd.addAll(List.of("-metadata", tag.getKey() + "=" + tag.getValue()));
            }
        }
        if (pngCover != null && ext.equals("ogg")) {
            // Ogg has no picture stream: the Xiph convention is a FLAC picture block, base64, as a comment.
            cmd.addAll(List.of("-metadata", "METADATA_BLOCK_PICTURE="
                    + Base64.getEncoder().encodeToString(flacPictureBlock(Files.readAllBytes(pngCover)))));
        }
        cmd.add(out.toString());
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        // The program sits next to the libraries it links (libva among them) but does not look there itself.
        builder.environment().put("LD_LIBRARY_PATH", Path.of(cmd.get(0)).getParent().toString());
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed for " + out + ": " + output);
        }
        return out;
    }

    static byte[] flacPictureBlock(byte[] png) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        d.writeInt(3); // front cover
        byte[] mime = "image/png".getBytes(StandardCharsets.US_ASCII);
        d.writeInt(mime.length);
        d.write(mime);
        d.writeInt(0);
        d.writeInt(8);
        d.writeInt(8);
        d.writeInt(24);
        d.writeInt(0);
        d.writeInt(png.length);
        d.write(png);
        return body.toByteArray();
    }
}
