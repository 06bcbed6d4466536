package com.authorworks.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The one gate for text coming in, in front of every service: a query string must be valid percent-encoded
 * UTF-8 ({@code 400 invalid-encoding}), and no query parameter, JSON string or JSON field name may hold a
 * character PostgreSQL cannot store or that is no character at all: U+0000 and lone surrogates ({@code 400
 * invalid-character}, naming the field). Multipart names and file names are checked by {@link MultipartGate}
 * once the upload is parsed, after authentication.
 */
public class InputGate extends OncePerRequestFilter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemDetail refused = checkQuery(request.getQueryString());
        if (refused != null) {
            Problems.write(request, response, refused);
            return;
        }
        if (!isJson(request.getContentType()) || request.getContentLengthLong() == 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyLimitFilter.BodyTooLargeException e) {
            Problems.write(request, response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", e.getMessage()));
            return;
        }
        refused = checkJson(body);
        if (refused != null) {
            Problems.write(request, response, refused);
            return;
        }
        chain.doFilter(new ReadAgain(request, body), response);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** Null when every name and value decodes to storable text. */
    static ProblemDetail checkQuery(String query) {
        if (query == null || query.indexOf('%') < 0) {
            return null; // Tomcat lets no raw control or non-ASCII character into a request line
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name == null || value == null) {
                return Problems.of(HttpStatus.BAD_REQUEST, "invalid-encoding",
                        "The query string is not valid percent-encoded UTF-8"
                                + (name == null ? "." : " (parameter '" + visible(name) + "')."));
            }
            if (!storable(name) || !storable(value)) {
                return invalidCharacter(visible(name), "Parameter");
            }
        }
        return null;
    }

    /** Strict form decoding: null for a broken escape or bytes that are not UTF-8. */
    private static String decode(String raw) {
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes[n++] = (byte) (high << 4 | low);
                i += 2;
            } else if (c > 0x7f) {
                return null;
            } else {
                bytes[n++] = (byte) (c == '+' ? ' ' : c);
            }
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Null when every string and field name of the document is storable; malformed JSON is left to the parser. */
    static ProblemDetail checkJson(byte[] body) {
        try (JsonParser parser = JSON.createParser(tools.jackson.core.ObjectReadContext.empty(), body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME && !storable(parser.currentName())) {
                    return invalidCharacter(path(parser.streamReadContext()), "Field");
                }
                if (token == JsonToken.VALUE_STRING && !storable(parser.getString())) {
                    return invalidCharacter(path(parser.streamReadContext()), "Field");
                }
            }
        } catch (JacksonException e) {
            return null;
        }
        return null;
    }

    /** {@code chapters[0].title}: where in the document the string (or field name) is. */
    private static String path(TokenStreamContext context) {
        java.util.Deque<String> steps = new java.util.ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            steps.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : visible(c.currentName()));
        }
        StringBuilder path = new StringBuilder();
        for (String step : steps) {
            if (!path.isEmpty() && !step.startsWith("[")) {
                path.append('.');
            }
            path.append(step);
        }
        return path.isEmpty() ? "(the body)" : path.toString();
    }

    private static ProblemDetail invalidCharacter(String field, String kind) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-character", kind + " '" + field
                + "' contains a character that cannot be stored (U+0000 or a lone surrogate).", Map.of("field", field));
    }

    /** No U+0000 and no surrogate without its partner. */
    static boolean storable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A name as it can be shown: characters that cannot be stored or seen as {@code \\uXXXX}. */
    static String visible(String name) {
        if (name == null) {
            return "?";
        }
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !storable(name.substring(i, Math.min(name.length(),
                    Character.isHighSurrogate(c) ? i + 2 : i + 1)))) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    /** The request with its body read once here and again by whoever comes next. */
    private static final class ReadAgain extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // the whole body is in memory: it is all available now
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
