package com.authorworks.engine.standin;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

/**
 * Token counts as a provider would report them: o200k for OpenAI's GPT-4o/4.1/5 and o-series models,
 * cl100k for everything else (Claude's tokenizer is not public; cl100k is close).
 */
final class Tokens {

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private final Encoding encoding;

    private Tokens(Encoding encoding) {
        this.encoding = encoding;
    }

    static Tokens forModel(String model) {
        String m = model == null ? "" : model.toLowerCase();
        boolean o200k = m.startsWith("gpt-4o") || m.startsWith("gpt-4.1") || m.startsWith("gpt-5") || m.matches("^o\\d.*")
                || m.startsWith("chatgpt-4o");
        return new Tokens(REGISTRY.getEncoding(o200k ? EncodingType.O200K_BASE : EncodingType.CL100K_BASE));
    }

    int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokens(text);
    }

    IntArrayList encode(String text) {
        return text == null || text.isEmpty() ? new IntArrayList() : encoding.encode(text);
    }

    /** The longest prefix of {@code text} of at most {@code maxTokens} tokens, cut at a token boundary. */
    String truncate(String text, int maxTokens) {
        IntArrayList ids = encode(text);
        if (ids.size() <= maxTokens) {
            return text;
        }
        IntArrayList head = new IntArrayList(maxTokens);
        for (int i = 0; i < maxTokens; i++) {
            head.add(ids.get(i));
        }
        String decoded = encoding.decode(head);
        // a multi-byte character split by the cut decodes to a replacement character; drop it
        while (!decoded.isEmpty() && decoded.charAt(decoded.length() - 1) == '\uFFFD') {
            decoded = decoded.substring(0, decoded.length() - 1);
        }
        return decoded;
    }
}
