package org.moodbox.catalog;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Embeds a front-cover PICTURE block into a FLAC file, as taggers do (FLAC format spec, METADATA_BLOCK_PICTURE). */
public final class FlacPicture {
    private FlacPicture() {
    }

    public static void embed(Path flac, byte[] image, String mime) throws Exception {
        byte[] file = Files.readAllBytes(flac);
        if (!new String(file, 0, 4, StandardCharsets.US_ASCII).equals("fLaC")) {
            throw new IllegalArgumentException(flac + " is not FLAC");
        }
        // The first block is always STREAMINFO (34 bytes); insert the picture right after it.
        boolean streamInfoWasLast = (file[4] & 0x80) != 0;
        int insertAt = 4 + 4 + 34;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        d.writeInt(3); // front cover
        byte[] mimeBytes = mime.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(mimeBytes.length);
        d.write(mimeBytes);
        d.writeInt(0); // no description
        d.writeInt(8);
        d.writeInt(8);
        d.writeInt(24);
        d.writeInt(0);
        d.writeInt(image.length);
        d.write(image);
        byte[] block = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, insertAt);
        out.write((streamInfoWasLast ? 0x80 : 0) | 6);
        out.write(block.length >>> 16);
        out.write(block.length >>> 8);
        out.write(block.length);
        out.write(block);
        out.write(file, insertAt, file.length - insertAt);
        byte[] result = out.toByteArray();
        result[4] &= 0x7f; // STREAMINFO is no longer the last block
        Files.write(flac, result);
    }
}
