package com.authorworks.platform.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

import com.authorworks.platform.Problem;

/**
 * {@link InputGate}'s rule for uploads, applied once Spring has parsed the multipart body (so after
 * authentication): part names, file names and form fields hold no U+0000 or lone surrogate.
 */
final class MultipartGate implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request instanceof MultipartHttpServletRequest multipart) {
            for (Map.Entry<String, List<MultipartFile>> part : multipart.getMultiFileMap().entrySet()) {
                for (MultipartFile file : part.getValue()) {
                    if (!InputGate.storable(part.getKey()) || !InputGate.storable(file.getOriginalFilename())) {
                        throw refused(part.getKey(), "file name");
                    }
                }
            }
            for (Map.Entry<String, String[]> field : multipart.getParameterMap().entrySet()) {
                for (String value : field.getValue()) {
                    if (!InputGate.storable(field.getKey()) || !InputGate.storable(value)) {
                        throw refused(field.getKey(), "value");
                    }
                }
            }
        }
        return true;
    }

    private static Problem refused(String name, String what) {
        String field = InputGate.visible(name);
        return new Problem(HttpStatus.BAD_REQUEST, "invalid-character", "The " + what + " of part '" + field
                + "' contains a character that cannot be stored (U+0000 or a lone surrogate).", Map.of("field", field));
    }
}
