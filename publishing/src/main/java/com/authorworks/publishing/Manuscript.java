package com.authorworks.publishing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A manuscript ready to publish or just imported.
 *
 * @param language   a BCP 47 tag such as {@code en} or {@code pt-BR}
 * @param rights     the copyright or licence line, e.g. "© 2026 Ada Writer. All rights reserved."
 * @param cover      the uploaded cover, or null to generate one
 * @param sampleText true when the text comes from the offline sample writer: every export then says so visibly
 */
public record Manuscript(String title, String subtitle, String author, String language, Form form, String rights,
        String description, Cover cover, List<Chapter> chapters, boolean sampleText) {

    public Manuscript {
        title = Text.clean(Objects.requireNonNullElse(title, "").strip());
        if (title.isEmpty()) {
            title = "Untitled";
        }
        subtitle = blankToNull(subtitle);
        author = Objects.requireNonNullElse(blankToNull(author), "Anonymous");
        language = languageTag(language);
        form = Objects.requireNonNullElse(form, Form.NOVEL);
        rights = blankToNull(rights);
        description = blankToNull(description);
        chapters = List.copyOf(chapters);
    }

    public Optional<Cover> uploadedCover() {
        return Optional.ofNullable(cover);
    }

    public Manuscript withCover(Cover newCover) {
        return new Manuscript(title, subtitle, author, language, form, rights, description, newCover, chapters,
                sampleText);
    }

    /** The copyright line shown on the copyright page: the given one, else "© author". */
    public String rightsLine() {
        return rights != null ? rights : "© " + author + ". All rights reserved.";
    }

    /** A well-formed BCP 47 tag ("pt_BR" becomes "pt-BR"), since EPUB and HTML reject malformed ones. */
    private static String languageTag(String language) {
        String tag = language == null || language.isBlank() ? "en"
                : Locale.forLanguageTag(language.strip().replace('_', '-')).toLanguageTag();
        return "und".equals(tag) ? "en" : tag;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : Text.clean(value.strip());
    }
}
