package org.moodbox.youtube;

import io.nayuki.qrcodegen.QrCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A QR code as a PNG, made on the box (Project Nayuki's encoder), black on white with the four-module quiet
 * zone the standard asks for. Error correction level M: it survives a smudged touchscreen or a glare spot
 * and keeps the code small enough to scan from a metre on an 800x480 screen.
 */
public final class QrPng {
    /** Quiet zone, in modules, on each side (ISO/IEC 18004). */
    static final int BORDER = 4;
    /** Pixels per module: crisp when the page scales the image down; the PNG stays a few kilobytes. */
    static final int SCALE = 8;
    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xFFFFFF;

    private QrPng() {
    }

    /** @throws io.nayuki.qrcodegen.DataTooLongException for text beyond a version-40 code (never a URL of ours) */
    public static byte[] of(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = (qr.size + BORDER * 2) * SCALE;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean dark = qr.getModule(x / SCALE - BORDER, y / SCALE - BORDER); // false outside the code
                image.setRGB(x, y, dark ? BLACK : WHITE);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a QR code PNG", e);
        }
        return png.toByteArray();
    }
}
