package com.authorworks.content.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import com.authorworks.publishing.ProsePolicy;

/**
 * Scene text as the editor sends it: HTML, sanitised on the way in, so everything stored can be
 * rendered as is. HTML rather than Markdown because the editor (Plate) and the exporters work on
 * HTML, and a sanitiser policy is a clearer guarantee than a Markdown renderer's options. The policy is
 * publishing's, the same one every export applies.
 */
public final class RichText {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*");

    private RichText() {
    }

    /** The HTML with everything outside publishing's one allow-list ({@link ProsePolicy}) removed. */
    public static String sanitise(String html) {
        return ProsePolicy.sanitise(html);
    }

    /** The words a reader sees: markup and punctuation excluded. */
    public static int wordCount(String html) {
        String text = Jsoup.parse(html).text();
        var m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** One line per block (paragraph, heading, list item...), for line-level diffs a person can read. */
    public static List<String> lines(String html) {
        List<String> lines = new ArrayList<>();
        for (Element block : Jsoup.parseBodyFragment(html).body().select("p, h2, h3, h4, li, blockquote, hr")) {
            if (block.tagName().equals("blockquote") && !block.select("p").isEmpty()) {
                continue;
            }
            lines.add(block.tagName().equals("hr") ? "---" : block.text());
        }
        if (lines.isEmpty() && !html.isBlank()) {
            lines.add(Jsoup.parseBodyFragment(html).text());
        }
        return lines;
    }

    /** Plain text (e.g. a generated draft) as paragraphs of sanitised HTML. */
    public static String fromPlainText(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(org.jsoup.nodes.Entities.escape(paragraph.strip()).replace("\n", "<br />")).append("</p>");
            }
        }
        return sanitise(html.toString());
    }
}
