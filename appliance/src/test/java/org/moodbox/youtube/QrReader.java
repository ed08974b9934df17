package org.moodbox.youtube;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Reads QR codes back with ZXing, a different library than the encoder the box uses (Project Nayuki's), so a
 * test that decodes what the box drew checks the box rather than agreeing with itself.
 */
public final class QrReader {
    private QrReader() {
    }

    /** The text of the one QR code in a PNG or JPEG (a served code, or a screenshot). */
    public static String read(byte[] image) throws IOException {
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image));
        if (picture == null) {
            throw new AssertionError("not an image ImageIO can read (" + image.length + " bytes)");
        }
        return read(picture);
    }

    public static String read(BufferedImage picture) {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new BufferedImageLuminanceSource(picture))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.CHARACTER_SET, "UTF-8"))
                    .getText();
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new AssertionError("no readable QR code in the " + picture.getWidth() + "x" + picture.getHeight()
                    + " image: " + e, e);
        }
    }
}
