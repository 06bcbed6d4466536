package com.authorworks.publishing.internal.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.compound.hyphenation.HyphenationTree;
import org.jsoup.nodes.Element;
import org.xml.sax.InputSource;
import org.jsoup.nodes.TextNode;

/**
 * Where English words may be broken at a line end, from the TeX hyphenation patterns (Liang's algorithm, as
 * {@code hyph_en_US.dic} of the hyphen project ships them; MPL 1.1 of its three licences) run by Lucene's
 * {@link HyphenationTree}. Justified print text needs it: without breaks, wide gaps line up into rivers.
 * The breaks go in as soft hyphens (U+00AD), which the PDF renderer shows only where it breaks a line.
 */
public final class Hyphenation {

    public static final char SOFT_HYPHEN = '\u00ad';
    private static final String PATTERNS = "com/authorworks/publishing/internal/pdf/hyph_en_US.dic";
    private static final Pattern WORD = Pattern.compile("\\p{L}{5,}");
    /** A TeX pattern over plain letters: {@code .ach4}, {@code 4a1ma}. */
    private static final Pattern PATTERN = Pattern.compile("\\.?(?:[0-9]?[a-z])+[0-9]?\\.?");
    private static volatile Hyphenation english;

    private final HyphenationTree tree = new HyphenationTree();
    private int leftMin = 2;
    private int rightMin = 3;

    private Hyphenation(BufferedReader patterns) throws IOException {
        // the tree reads FOP's pattern XML: classes (letters with their capitals), then the TeX patterns as they are
        StringBuilder xml = new StringBuilder("<hyphenation-info><classes>");
        for (char c = 'a'; c <= 'z'; c++) {
            xml.append(c).append(Character.toUpperCase(c)).append(' ');
        }
        xml.append("</classes><patterns>");
        String line = patterns.readLine(); // the charset line
        while ((line = patterns.readLine()) != null) {
            line = line.strip();
            if (line.startsWith("LEFTHYPHENMIN")) {
                leftMin = Integer.parseInt(line.substring(13).strip());
            } else if (line.startsWith("RIGHTHYPHENMIN")) {
                rightMin = Integer.parseInt(line.substring(14).strip());
            } else if (PATTERN.matcher(line).matches()) {
                xml.append(line).append(' ');
            }
            // other lines (comments, the patterns' ligature forms such as "a4ﬀ4") add nothing for plain letters
        }
        xml.append("</patterns></hyphenation-info>");
        tree.loadPatterns(new InputSource(new StringReader(xml.toString())));
    }

    /** The English patterns, loaded once. */
    public static Hyphenation english() {
        Hyphenation h = english;
        if (h == null) {
            synchronized (Hyphenation.class) {
                h = english;
                if (h == null) {
                    try (BufferedReader in = new BufferedReader(new InputStreamReader(Resources.open(PATTERNS), StandardCharsets.UTF_8))) {
                        h = english = new Hyphenation(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return h;
    }

    /** The word with soft hyphens where it may break; words the patterns don't know stay whole. */
    public String word(String word) {
        if (word.length() < leftMin + rightMin || !word.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
            return word;
        }
        org.apache.lucene.analysis.compound.hyphenation.Hyphenation points = tree.hyphenate(word, leftMin, rightMin);
        if (points == null) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length() + 4);
        int from = 0;
        for (int at : points.getHyphenationPoints()) {
            if (at > 0 && at < word.length()) {
                out.append(word, from, at).append(SOFT_HYPHEN);
                from = at;
            }
        }
        return out.append(word.substring(from)).toString();
    }

    /** Every text of {@code element} (and below) with its words hyphenated. */
    public void text(Element element) {
        for (TextNode node : element.textNodes()) {
            Matcher m = WORD.matcher(node.getWholeText());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(word(m.group())));
            }
            m.appendTail(out);
            node.text(out.toString());
        }
        for (Element child : element.children()) {
            text(child);
        }
    }
}
