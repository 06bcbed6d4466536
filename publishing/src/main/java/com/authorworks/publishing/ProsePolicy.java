package com.authorworks.publishing;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one allow-list for rich text, wherever it is kept or shown: the content service sanitises scene HTML with it
 * before storing it, and every export cleans the HTML it renders from a scene with it again. Paragraphs, emphasis,
 * headings, quotes, lists, breaks, code and links to http(s) or mailto (marked {@code rel="nofollow"}); nothing
 * else, no other attribute.
 */
public final class ProsePolicy {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "em", "strong", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "br",
                    "hr", "code", "pre", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .allowAttributes("start").matching(Pattern.compile("\\d{1,6}")).onElements("ol")
            .requireRelsOnLinks("nofollow")
            .toFactory();

    private ProsePolicy() {
    }

    /** The HTML with everything outside the allowed elements and attributes removed. */
    public static String sanitise(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }
}
