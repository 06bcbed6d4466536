package com.authorworks.storage.internal.files;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.authorworks.platform.web.Problems;
import com.authorworks.storage.BlobNotFoundException;
import com.authorworks.storage.StorageUnavailableException;

/**
 * The blob store's failures as callers see them: a store that is down is a 503 to retry, never
 * a 500. Consulted before the platform's catch-all advice. A process that uses storage over HTTP
 * registers it too, so its callers see the same problems.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StorageProblems {

    private static final Logger log = LoggerFactory.getLogger(StorageProblems.class);
    private static final int RETRY_AFTER_SECONDS = 30;

    @ExceptionHandler(StorageUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(StorageUnavailableException e) {
        log.warn("{}: {}", e.getMessage(), e.getCause() == null ? "" : e.getCause().getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS))
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
                        "File storage is unavailable right now; try again shortly.",
                        Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS)));
    }

    @ExceptionHandler(BlobNotFoundException.class)
    ResponseEntity<ProblemDetail> missing(BlobNotFoundException e) {
        // Metadata without bytes: the file is as gone to the caller as if it had never been stored.
        log.warn("{}", e.getMessage());
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "file-not-found", "There is no such file."));
    }
}
