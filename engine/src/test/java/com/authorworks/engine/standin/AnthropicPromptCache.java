package com.authorworks.engine.standin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Anthropic's prompt cache as documented: the prompt is a list of blocks in the order tools, system,
 * messages; the prefix up to a {@code cache_control} breakpoint is written (cache_creation_input_tokens)
 * when new and at least the model's minimum, and read (cache_read_input_tokens) by later requests of the
 * same model with the same prefix; an entry lives 5 minutes from its last use and is readable once the
 * answer that wrote it has started (the caller asks when the answer starts).
 */
public final class AnthropicPromptCache {

    private static final Duration TTL = Duration.ofMinutes(5);

    private final Map<String, Long> entries = new ConcurrentHashMap<>();

    /** The smallest prefix Anthropic caches for a model (prompt caching docs, November 2025). */
    public static int minimumCacheable(String model) {
        return model.startsWith("claude-haiku-4-5") || model.startsWith("claude-opus-4-5") ? 4096
                : model.startsWith("claude-3-5-haiku") || model.startsWith("claude-3-haiku") ? 2048 : 1024;
    }

    /**
     * Reads the longest cached prefix ending at a breakpoint and writes the prefix up to the last
     * breakpoint when it is new and long enough. Answers {cache read, cache write} tokens.
     *
     * @param tokens   each block's tokens
     * @param overhead tokens before the first block (the tool-use system prompt)
     */
    public long[] use(String model, List<String> blocks, List<Boolean> breakpoints, long[] tokens, long overhead) {
        long now = System.nanoTime();
        long read = 0;
        long lastTokens = -1;
        String lastKey = null;
        long prefix = overhead;
        MessageDigest sha = sha256();
        for (int i = 0; i < blocks.size(); i++) {
            prefix += tokens[i];
            sha.update(blocks.get(i).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            if (!breakpoints.get(i)) {
                continue;
            }
            String key;
            try {
                key = model + "#" + HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
            lastKey = key;
            lastTokens = prefix;
            Long expires = entries.get(key);
            if (expires != null && expires > now && prefix >= minimumCacheable(model)) {
                read = prefix;
            }
        }
        if (lastKey == null || lastTokens < minimumCacheable(model)) {
            return new long[] {0, 0};
        }
        // a read or a write keeps the entry 5 minutes from now
        entries.put(lastKey, now + TTL.toNanos());
        return new long[] {read, lastTokens - read};
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
