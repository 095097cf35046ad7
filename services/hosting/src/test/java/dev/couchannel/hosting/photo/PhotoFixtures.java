package dev.couchannel.hosting.photo;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Real images (drawn and encoded by the JDK) and files that only pretend to be images. */
public final class PhotoFixtures {

    private PhotoFixtures() {}

    public static byte[] jpeg() {
        return encoded("jpg");
    }

    public static byte[] png() {
        return encoded("png");
    }

    /** A WebP file's header (the JDK cannot encode WebP): RIFF, size, WEBP, a VP8L chunk. */
    public static byte[] webp() {
        return "RIFF\u001a\0\0\0WEBPVP8L\r\0\0\0/\0\0\0\u0010\u0007\u0010\u0011\u0011\u0088\u0088\u00fe\u0007\0"
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] pdf() {
        return "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] encoded(String format) {
        BufferedImage image = new BufferedImage(32, 18, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(20, 120, 40));
        graphics.fillRect(0, 0, 32, 18);
        graphics.setColor(Color.WHITE);
        graphics.drawLine(16, 0, 16, 18);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
