package com.authorworks.publishing.internal.markdown;

import java.util.regex.Pattern;

/** Writing imported text as Markdown: escaping, emphasis, and recognising scene-break lines. */
public final class MarkdownText {

    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>])");
    private static final Pattern LINE_START = Pattern.compile("(?m)^(\\s*)([#>+\\-=|]|\\d+[.)])");
    private static final Pattern SCENE_BREAK = Pattern.compile("\\s*(\\*\\s*){3,}|\\s*#\\s*|\\s*(~\\s*){3,}|\\s*(-\\s*){3,}");

    private MarkdownText() {
    }

    /** Literal text that Markdown will show as typed. */
    public static String escape(String text) {
        String escaped = SPECIAL.matcher(text).replaceAll("\\\\$1");
        return LINE_START.matcher(escaped).replaceAll("$1\\\\$2");
    }

    /** Wraps text in emphasis markers, keeping surrounding spaces outside so the markers still count. */
    public static String emphasise(String markdown, boolean italic, boolean bold) {
        if (!italic && !bold || markdown.isBlank()) {
            return markdown;
        }
        String marker = (bold ? "**" : "") + (italic ? "*" : "");
        String core = markdown.strip();
        int start = markdown.indexOf(core);
        return markdown.substring(0, start) + marker + core + new StringBuilder(marker).reverse()
                + markdown.substring(start + core.length());
    }

    /** Whether a paragraph is a typed scene break such as {@code * * *}, {@code ***} or {@code #}. */
    public static boolean isSceneBreak(String paragraph) {
        return SCENE_BREAK.matcher(paragraph).matches();
    }
}
