package com.authorworks.discovery.internal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.authorworks.platform.web.Problems;

/** A 429 carries Retry-After, which a plain problem cannot: answered here before the platform's advice. */
@RestControllerAdvice(basePackageClasses = PostingAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PostingAdvice {

    @ExceptionHandler(TooManyPosts.class)
    ResponseEntity<ProblemDetail> tooManyPosts(TooManyPosts problem) {
        return ResponseEntity.status(problem.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfter().toSeconds()))
                .body(Problems.of(problem.status(), problem.code(), problem.getMessage(), problem.properties()));
    }
}
