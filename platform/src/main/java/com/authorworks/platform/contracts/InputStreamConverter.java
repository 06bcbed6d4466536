package com.authorworks.platform.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;

/**
 * Bytes as a stream, both ways, so a contract method may take or return an {@link InputStream}
 * without anything holding the whole file: the server reads a request body as it arrives and
 * writes a returned stream out (closing it); the client writes an argument stream as it is read.
 */
final class InputStreamConverter extends AbstractHttpMessageConverter<InputStream> {

    private final boolean server;

    /**
     * On a server it reads request bodies and closes the streams it writes out (a returned file). On a
     * client it reads nothing (RestClient then hands the open response body itself to the caller) and
     * leaves an argument stream open, as an in-process call would.
     */
    InputStreamConverter(boolean server) {
        super(MediaType.APPLICATION_OCTET_STREAM, MediaType.ALL);
        this.server = server;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return InputStream.class.isAssignableFrom(type);
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return server && type == InputStream.class && super.canRead(type, mediaType);
    }

    @Override
    protected InputStream readInternal(Class<? extends InputStream> type, HttpInputMessage input) throws IOException {
        return input.getBody();
    }

    @Override
    protected MediaType getDefaultContentType(InputStream stream) {
        return MediaType.APPLICATION_OCTET_STREAM;
    }

    @Override
    protected Long getContentLength(InputStream stream, MediaType contentType) {
        return null; // unknown until read: sent chunked
    }

    @Override
    protected void writeInternal(InputStream stream, HttpOutputMessage output) throws IOException {
        OutputStream out = output.getBody();
        if (!server) {
            stream.transferTo(out);
            return;
        }
        try (InputStream in = stream) {
            in.transferTo(out);
        }
    }
}
