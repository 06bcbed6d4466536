package com.authorworks.publishing;

/** A print trim size in PostScript points (1/72 inch). */
public record TrimSize(String name, float widthPoints, float heightPoints) {
    public static final TrimSize US_TRADE = inches("6x9", 6, 9);
    public static final TrimSize DIGEST = inches("5.5x8.5", 5.5f, 8.5f);
    public static final TrimSize POCKET = inches("5x8", 5, 8);
    public static final TrimSize A5 = millimetres("A5", 148, 210);
    public static final TrimSize US_LETTER = inches("letter", 8.5f, 11);

    public TrimSize {
        if (!(widthPoints >= 144 && heightPoints >= 216 && widthPoints <= 1296 && heightPoints <= 1296)) {
            throw new IllegalArgumentException("trim size must be between 2x3 and 18x18 inches");
        }
    }

    public static TrimSize inches(String name, float width, float height) {
        return new TrimSize(name, width * 72, height * 72);
    }

    public static TrimSize millimetres(String name, float width, float height) {
        return new TrimSize(name, width * 72 / 25.4f, height * 72 / 25.4f);
    }

    /** The named sizes above by name (case-insensitive), e.g. from a request parameter. */
    public static TrimSize named(String name) {
        for (TrimSize size : new TrimSize[] {US_TRADE, DIGEST, POCKET, A5, US_LETTER}) {
            if (size.name.equalsIgnoreCase(name)) {
                return size;
            }
        }
        throw new IllegalArgumentException("unknown trim size " + name + " (6x9, 5.5x8.5, 5x8, A5, letter)");
    }

    public float widthInches() {
        return widthPoints / 72;
    }

    public float heightInches() {
        return heightPoints / 72;
    }
}
