package com.authorworks.publishing.internal.cover;

import com.authorworks.publishing.Cover;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.internal.render.Fonts;
import com.authorworks.publishing.internal.render.Resources;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Draws a plain typographic cover: title and author on a colour derived from the title. */
public final class GeneratedCover {

    public static final int WIDTH = 1600;
    public static final int HEIGHT = 2560;

    private static final Font SERIF = load(Fonts.FACES.get(0).resource());
    private static final Font SERIF_BOLD = load(Fonts.FACES.get(1).resource());

    private GeneratedCover() {
    }

    /** The uploaded cover, else a generated one. */
    public static Cover of(Manuscript manuscript) {
        return manuscript.uploadedCover().orElseGet(() -> new Cover(draw(manuscript), "image/png"));
    }

    static byte[] draw(Manuscript manuscript) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            float hue = hue(manuscript.title());
            Color top = Color.getHSBColor(hue, 0.55f, 0.45f);
            Color bottom = Color.getHSBColor(hue, 0.65f, 0.18f);
            g.setPaint(new GradientPaint(0, 0, top, 0, HEIGHT, bottom));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(255, 255, 255, 90));
            g.fillRect(160, 1500, WIDTH - 320, 6);
            g.setColor(Color.WHITE);
            int y = drawCentred(g, SERIF_BOLD.deriveFont(150f), manuscript.title(), 600, 4);
            if (manuscript.subtitle() != null) {
                drawCentred(g, SERIF.deriveFont(80f), manuscript.subtitle(), y + 60, 3);
            }
            drawCentred(g, SERIF.deriveFont(100f), manuscript.author(), 1750, 2);
            if (manuscript.sampleText()) {
                drawCentred(g, SERIF_BOLD.deriveFont(64f), "SAMPLE TEXT", 2350, 1);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A stable hue per title, so re-exports of a book keep their colour. */
    private static float hue(String title) {
        int hash = 0;
        for (byte b : title.getBytes(StandardCharsets.UTF_8)) {
            hash = 31 * hash + (b & 0xff);
        }
        return Math.floorMod(hash, 360) / 360f;
    }

    /** Word-wraps text within the margins; returns the baseline below the last line drawn. */
    private static int drawCentred(Graphics2D g, Font font, String text, int top, int maxLines) {
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) > WIDTH - 240 && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        if (lines.size() > maxLines) {
            lines = new ArrayList<>(lines.subList(0, maxLines));
            lines.set(maxLines - 1, lines.get(maxLines - 1) + "…");
        }
        int y = top;
        for (String l : lines) {
            y += metrics.getAscent();
            g.drawString(l, (WIDTH - metrics.stringWidth(l)) / 2, y);
            y += metrics.getDescent() + metrics.getLeading();
        }
        return y;
    }

    private static Font load(String resource) {
        try (InputStream in = Resources.open(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load font " + resource, e);
        }
    }
}
