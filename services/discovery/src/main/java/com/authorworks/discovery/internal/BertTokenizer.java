package com.authorworks.discovery.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The uncased BERT WordPiece tokenizer of all-MiniLM-L6-v2, in Java, from the model's own
 * {@code tokenizer.json} (its vocabulary and special tokens): what Hugging Face's tokenizers library does for
 * this model (BertNormalizer with lower-casing, accents stripped and Chinese characters set apart, the BERT
 * pre-tokenizer, WordPiece with {@code ##} continuations, {@code [CLS] … [SEP]}, truncated to the {@code max_length} of
 * its {@code truncation}: 128). It replaces the native
 * (Rust) tokenizer that langchain4j loads through DJL, which alone cost the process about 22 MB of native
 * memory (bench/README.md, Memory); this one is a map of 30,522 strings on the heap.
 */
final class BertTokenizer {

    private static final int MAX_CHARS_PER_WORD = 100;

    private final Map<String, Integer> vocabulary;
    /** Special tokens ({@code [CLS]}, {@code [MASK]}…) as written in the raw text: matched before normalising. */
    private final Map<String, Integer> specials;
    private final int unknown;
    final int cls;
    final int sep;
    /** Tokens per text, {@code [CLS]} and {@code [SEP]} included (the tokenizer's truncation; the model saw no more in training). */
    final int maxLength;

    private BertTokenizer(Map<String, Integer> vocabulary, Map<String, Integer> specials, int maxLength) {
        this.vocabulary = vocabulary;
        this.specials = specials;
        this.unknown = id(vocabulary, "[UNK]");
        this.cls = id(vocabulary, "[CLS]");
        this.sep = id(vocabulary, "[SEP]");
        this.maxLength = maxLength;
    }

    static BertTokenizer load(InputStream tokenizerJson) {
        try {
            JsonNode root = JsonMapper.builder().build().readTree(tokenizerJson.readAllBytes());
            JsonNode model = root.path("model");
            if (!"WordPiece".equals(model.path("type").asString()) || !"BertNormalizer".equals(root.path("normalizer").path("type").asString())) {
                throw new IllegalStateException("Not a BERT WordPiece tokenizer: " + model.path("type").asString());
            }
            Map<String, Integer> vocabulary = new HashMap<>(40_000);
            for (var entry : model.path("vocab").properties()) {
                vocabulary.put(entry.getKey(), entry.getValue().asInt());
            }
            Map<String, Integer> specials = new HashMap<>();
            for (JsonNode added : root.path("added_tokens")) {
                if (added.path("special").asBoolean()) {
                    specials.put(added.path("content").asString(), added.path("id").asInt());
                }
            }
            return new BertTokenizer(vocabulary, specials, root.path("truncation").path("max_length").asInt(512));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int id(Map<String, Integer> vocabulary, String token) {
        Integer id = vocabulary.get(token);
        if (id == null) {
            throw new IllegalStateException("The tokenizer's vocabulary has no " + token);
        }
        return id;
    }

    /** The ids the model is given for the text: {@code [CLS]}, its first word pieces, {@code [SEP]}; at most {@link #maxLength}. */
    long[] encode(String text) {
        List<Integer> pieces = tokenize(text);
        int n = Math.min(pieces.size(), maxLength - 2);
        long[] ids = new long[n + 2];
        ids[0] = cls;
        for (int i = 0; i < n; i++) {
            ids[i + 1] = pieces.get(i);
        }
        ids[n + 1] = sep;
        return ids;
    }

    /** The text's word pieces, without {@code [CLS]} and {@code [SEP]} and not truncated. */
    List<Integer> tokenize(String text) {
        List<Integer> ids = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            // the next special token written as such in the text (Hugging Face matches them on the raw text)
            int at = -1;
            String special = null;
            for (String s : specials.keySet()) {
                int i = text.indexOf(s, from);
                if (i >= 0 && (at < 0 || i < at || i == at && s.length() > special.length())) {
                    at = i;
                    special = s;
                }
            }
            int end = at < 0 ? text.length() : at;
            for (String word : words(normalise(text.substring(from, end)))) {
                wordPieces(word, ids);
            }
            if (at < 0) {
                break;
            }
            ids.add(specials.get(special));
            from = at + special.length();
        }
        return ids;
    }

    /** BertNormalizer: control characters dropped, white space made a space, CJK set apart, accents stripped, lower case. */
    static String normalise(String text) {
        StringBuilder clean = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                return;
            }
            if (isWhitespace(c)) {
                clean.append(' ');
            } else if (isChinese(c)) {
                clean.append(' ').appendCodePoint(c).append(' ');
            } else {
                clean.appendCodePoint(c);
            }
        });
        String decomposed = Normalizer.normalize(clean, Normalizer.Form.NFD);
        StringBuilder stripped = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).forEach(stripped::appendCodePoint);
        return stripped.toString().toLowerCase(Locale.ROOT);
    }

    /** The BERT pre-tokenizer: split at white space, and every punctuation character is a word of its own. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isWhitespace(c) || isPunctuation(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                if (!isWhitespace(c)) {
                    words.add(Character.toString(c));
                }
            } else {
                word.appendCodePoint(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** WordPiece: the longest piece of the vocabulary first, then {@code ##} continuations; a word that does not split is {@code [UNK]}. */
    void wordPieces(String word, List<Integer> ids) {
        if (word.codePointCount(0, word.length()) > MAX_CHARS_PER_WORD) {
            ids.add(unknown);
            return;
        }
        List<Integer> pieces = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer piece = null;
            while (start < end) {
                String candidate = start > 0 ? "##" + word.substring(start, end) : word.substring(start, end);
                piece = vocabulary.get(candidate);
                if (piece != null) {
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (piece == null) {
                ids.add(unknown);
                return;
            }
            pieces.add(piece);
            start = end;
        }
        ids.addAll(pieces);
    }

    static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.getType(c) == Character.SPACE_SEPARATOR
                || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0x0B || c == 0x0C;
    }

    static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    static boolean isPunctuation(int c) {
        if (c < 128) {
            return c >= 33 && c <= 47 || c >= 58 && c <= 64 || c >= 91 && c <= 96 || c >= 123 && c <= 126;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    static boolean isChinese(int c) {
        return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF || c >= 0x20000 && c <= 0x2A6DF
                || c >= 0x2A700 && c <= 0x2B73F || c >= 0x2B740 && c <= 0x2B81F || c >= 0x2B920 && c <= 0x2CEAF
                || c >= 0xF900 && c <= 0xFAFF || c >= 0x2F800 && c <= 0x2FA1F;
    }
}
