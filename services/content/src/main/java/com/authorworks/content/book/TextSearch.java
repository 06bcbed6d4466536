package com.authorworks.content.book;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

import com.authorworks.platform.Problem;

/**
 * Finding and replacing in a scene's rich text: only in its text, never in its markup, one text
 * run at a time (a phrase split by formatting, half of it italic, is not found). An author's regular
 * expression runs against a budget of character reads for the whole request, so a pattern that
 * backtracks without end is stopped with a 400 instead of holding a thread.
 */
final class TextSearch {

    static final int MAX_FIND = 200;
    static final int MAX_REPLACE = 1_000;
    /** Characters of context either side of a match in a preview. */
    static final int CONTEXT = 40;
    /** Character reads one request may spend matching: some 40 passes over a long novel (600,000 characters), under a second. */
    static final long BUDGET = 50_000_000L;

    /**
     * @param wholeWord the match must not be part of a longer word
     * @param regex     {@code find} is a Java regular expression (and {@code $1} in the replacement its group)
     */
    record Options(String find, boolean matchCase, boolean wholeWord, boolean regex) {
    }

    record Sample(String before, String text, String after) {
    }

    record Found(int count, List<Sample> samples) {
    }

    record Replaced(String html, int count) {
    }

    private final Pattern pattern;
    private final boolean regex;
    private long reads;

    TextSearch(Options options) {
        if (options.find() == null || options.find().isEmpty() || options.find().length() > MAX_FIND) {
            throw Problem.badRequest("invalid-find", "Give the text to find, at most " + MAX_FIND + " characters.");
        }
        String expression = options.regex() ? options.find() : Pattern.quote(options.find());
        if (options.wholeWord()) {
            expression = "(?<![\\p{L}\\p{N}_])(?:" + expression + ")(?![\\p{L}\\p{N}_])";
        }
        try {
            this.pattern = Pattern.compile(expression, options.matchCase() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw Problem.badRequest("invalid-pattern", "The regular expression is not valid: " + e.getDescription()
                    + " near position " + e.getIndex() + ".");
        }
        if (pattern.matcher("").matches()) {
            throw Problem.badRequest("invalid-pattern", "The regular expression matches empty text: it would match everywhere.");
        }
        this.regex = options.regex();
    }

    /** The matches in the scene's text, with the first {@code samples} of them in context. */
    Found find(String html, int samples) {
        int count = 0;
        List<Sample> shown = new ArrayList<>();
        for (TextNode node : texts(parse(html))) {
            String text = node.getWholeText();
            Matcher m = pattern.matcher(new Budgeted(text));
            while (m.find()) {
                count++;
                if (shown.size() < samples) {
                    shown.add(new Sample(text.substring(Math.max(0, m.start() - CONTEXT), m.start()), m.group(),
                            text.substring(m.end(), Math.min(text.length(), m.end() + CONTEXT))));
                }
            }
        }
        return new Found(count, shown);
    }

    /** The scene's HTML with every match replaced, and how many were. */
    Replaced replace(String html, String replacement) {
        if (replacement == null || replacement.length() > MAX_REPLACE) {
            throw Problem.badRequest("invalid-replacement", "Give the replacement, at most " + MAX_REPLACE + " characters (empty to delete).");
        }
        String with = regex ? replacement : Matcher.quoteReplacement(replacement);
        Document document = parse(html);
        int count = 0;
        for (TextNode node : texts(document)) {
            String text = node.getWholeText();
            Matcher m = pattern.matcher(new Budgeted(text));
            StringBuilder out = new StringBuilder();
            int here = 0;
            while (m.find()) {
                here++;
                try {
                    m.appendReplacement(out, with);
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw Problem.badRequest("invalid-replacement", "The replacement names a group the expression does not have, or ends in "
                            + "a lone \\ or $: write \\$ for a dollar sign.");
                }
            }
            if (here > 0) {
                m.appendTail(out);
                node.text(out.toString());
                count += here;
            }
        }
        return new Replaced(count == 0 ? html : document.body().html(), count);
    }

    private static Document parse(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        return document;
    }

    private static List<TextNode> texts(Document document) {
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode text && !text.isBlank()) {
                texts.add(text);
            }
        }, document.body());
        return texts;
    }

    /** The text as the matcher reads it, each read counted against the request's budget. */
    private final class Budgeted implements CharSequence {

        private final String text;
        private final int start;
        private final int end;

        Budgeted(String text) {
            this(text, 0, text.length());
        }

        private Budgeted(String text, int start, int end) {
            this.text = text;
            this.start = start;
            this.end = end;
        }

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public char charAt(int index) {
            if (++reads > BUDGET) {
                throw Problem.badRequest("pattern-too-slow", "The regular expression takes too long on this book's text: make it more "
                        + "specific (avoid repeating a group that itself repeats, such as (.*a){12}).");
            }
            return text.charAt(start + index);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new Budgeted(text, start + from, start + to);
        }

        @Override
        public String toString() {
            return text.substring(start, end);
        }
    }
}
