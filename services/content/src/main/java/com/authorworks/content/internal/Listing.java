package com.authorworks.content.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.authorworks.platform.Problem;

/**
 * What readers see of a book before they open it: blurb, genre, tags, content warnings, audience
 * rating, language and serial status. Values are kept in their wire form (lower case, hyphenated),
 * validated here so every caller (API, CLI, importer) gets the same answer for bad input.
 */
public record Listing(String blurb, String genre, List<String> tags, List<String> contentWarnings, String rating, String language,
                      String status) {

    public static final int MAX_BLURB = 5000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 50;

    public static final List<String> GENRES = List.of("fantasy", "science-fiction", "mystery", "thriller", "romance", "horror",
            "historical", "literary", "young-adult", "children", "adventure", "humor", "drama", "poetry", "non-fiction", "other");
    /** AO3's archive warnings: an author either names what applies, says none apply, or chooses not to warn. */
    public static final List<String> WARNINGS = List.of("none", "choose-not-to-warn", "graphic-violence", "major-character-death",
            "sexual-violence", "self-harm", "substance-abuse");
    /** AO3's ratings, from general audiences to explicit. */
    public static final List<String> RATINGS = List.of("not-rated", "general", "teen", "mature", "explicit");
    public static final List<String> STATUSES = List.of("ongoing", "complete", "hiatus");

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} '&.-]*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})?");

    public static Listing empty() {
        return new Listing("", null, List.of(), List.of(), "not-rated", "en", "ongoing");
    }

    public Listing {
        tags = List.copyOf(tags);
        contentWarnings = List.copyOf(contentWarnings);
    }

    /** This listing with the given changes applied (a null leaves a field as it is), validated. */
    public Listing with(String blurb, String genre, List<String> tags, List<String> contentWarnings, String rating, String language,
                        String status) {
        return new Listing(
                blurb == null ? this.blurb : blurb(blurb),
                genre == null ? this.genre : genre.isBlank() ? null : oneOf("genre", genre, GENRES),
                tags == null ? this.tags : tags(tags),
                contentWarnings == null ? this.contentWarnings : warnings(contentWarnings),
                rating == null ? this.rating : oneOf("rating", rating, RATINGS),
                language == null ? this.language : language(language),
                status == null ? this.status : oneOf("status", status, STATUSES));
    }

    private static String blurb(String text) {
        String blurb = text.strip();
        if (blurb.length() > MAX_BLURB) {
            throw Problem.badRequest("invalid-blurb", "A blurb has at most " + MAX_BLURB + " characters.");
        }
        return blurb;
    }

    /** The wire form of a value: lower case, spaces and underscores as hyphens ({@code Science Fiction} is {@code science-fiction}). */
    public static String wire(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    }

    private static String oneOf(String field, String value, List<String> allowed) {
        String wire = wire(value);
        if (!allowed.contains(wire)) {
            throw Problem.badRequest("invalid-" + field, "Unknown " + field + " '" + abbreviate(value) + "'; one of " + allowed + ".");
        }
        return wire;
    }

    /** Tags are free (the wrangling issue maps them to canonical ones); kept lower case, trimmed, de-duplicated. */
    public static List<String> tags(List<String> raw) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            if (tag == null) {
                throw Problem.badRequest("invalid-tag", "A tag cannot be null.");
            }
            String normal = tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (normal.isEmpty() || normal.length() > MAX_TAG || !TAG.matcher(normal).matches()) {
                throw Problem.badRequest("invalid-tag", "A tag is 1 to " + MAX_TAG
                        + " letters, digits, spaces or ' & . - (starting with a letter or digit); was '" + abbreviate(tag) + "'.");
            }
            tags.add(normal);
        }
        if (tags.size() > MAX_TAGS) {
            throw Problem.badRequest("too-many-tags", "A book has at most " + MAX_TAGS + " tags.");
        }
        return new ArrayList<>(tags);
    }

    private static List<String> warnings(List<String> raw) {
        Set<String> warnings = new LinkedHashSet<>();
        for (String warning : raw) {
            if (warning == null) {
                throw Problem.badRequest("invalid-content-warning", "A content warning cannot be null.");
            }
            warnings.add(oneOf("content-warning", warning, WARNINGS));
        }
        if (warnings.size() > 1 && (warnings.contains("none") || warnings.contains("choose-not-to-warn"))) {
            throw Problem.badRequest("invalid-content-warning", "'none' and 'choose-not-to-warn' stand alone.");
        }
        return new ArrayList<>(warnings);
    }

    private static String language(String value) {
        String language = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (!LANGUAGE.matcher(language).matches()) {
            throw Problem.badRequest("invalid-language", "A language is a BCP 47 tag such as en, fr or pt-br; was '"
                    + abbreviate(value) + "'.");
        }
        return language;
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
