package com.authorworks.identity;

import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import com.authorworks.platform.UserId;

/**
 * Who blocked whom, for services that must honour a block (messaging refuses direct messages
 * between a blocked pair; mentions are dropped). A block counts both ways: whoever blocked whom,
 * the pair is kept apart. A published contract: in identity's process its bean implements it,
 * elsewhere an HTTP client of it does (throwing {@link IdentityUnavailableException} when identity
 * cannot be reached). Over HTTP a user may ask only about themselves (their own token, or a service
 * token acting for them); another service with a plain service token may ask about anyone.
 */
@HttpExchange("/api/v1/internal/identity/blocks")
public interface UserBlocks {

    /** At most this many users one user may block, and so at most this many in {@link #blockedBy}. */
    int MAX_BLOCKS = 1000;

    /** At most this many others a call to {@link #blockedAmong}. */
    int MAX_AMONG = 100;

    /** Whether {@code a} blocked {@code b} or {@code b} blocked {@code a}; false for unknown users. */
    @GetExchange("/{a}/either-way/{b}")
    boolean blockedEitherWay(@PathVariable("a") UserId a, @PathVariable("b") UserId b);

    /** Whom {@code blocker} blocked, newest first (at most {@link #MAX_BLOCKS}). */
    @GetExchange("/{id}/blocked")
    List<UserId> blockedBy(@PathVariable("id") UserId blocker);

    /**
     * Those of {@code others} in a block with {@code user} either way, in no particular order (one
     * round trip to filter a list of people); more than {@link #MAX_AMONG} is a bad request.
     */
    @GetExchange("/{id}/among")
    List<UserId> blockedAmong(@PathVariable("id") UserId user, @RequestParam("id") List<UserId> others);
}
