package com.authorworks.engine.internal;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens with the o200k encoding. Providers tokenise differently; this is close enough to
 * budget prompts, and the cost always comes from the provider's own count.
 */
public final class TokenCounter {

    private static final Encoding ENCODING = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private TokenCounter() {
    }

    public static int count(String text) {
        return text == null || text.isEmpty() ? 0 : ENCODING.countTokens(text);
    }
}
