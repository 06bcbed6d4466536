package com.authorworks.publishing.internal.render;

/** The DejaVu fonts (Bitstream Vera licence) from the jasperreports-fonts jar, embedded in PDFs and covers. */
public final class Fonts {

    public static final String SERIF = "DejaVu Serif";
    public static final String MONO = "DejaVu Sans Mono";

    private static final String DIR = "net/sf/jasperreports/fonts/dejavu/";

    /** A font file: family, weight, italic, class path resource. */
    public record Face(String family, int weight, boolean italic, String resource) {
    }

    public static final java.util.List<Face> FACES = java.util.List.of(
            new Face(SERIF, 400, false, DIR + "DejaVuSerif.ttf"),
            new Face(SERIF, 700, false, DIR + "DejaVuSerif-Bold.ttf"),
            new Face(SERIF, 400, true, DIR + "DejaVuSerif-Italic.ttf"),
            new Face(SERIF, 700, true, DIR + "DejaVuSerif-BoldItalic.ttf"),
            new Face(MONO, 400, false, DIR + "DejaVuSansMono.ttf"),
            new Face(MONO, 700, false, DIR + "DejaVuSansMono-Bold.ttf"),
            new Face(MONO, 400, true, DIR + "DejaVuSansMono-Oblique.ttf"),
            new Face(MONO, 700, true, DIR + "DejaVuSansMono-BoldOblique.ttf"));

    private Fonts() {
    }
}
