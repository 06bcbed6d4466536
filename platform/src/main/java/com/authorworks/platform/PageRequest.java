package com.authorworks.platform;

/**
 * One page of a listing, as asked for with {@code ?page=&size=}. Bound from query parameters by
 * Spring; out-of-range values are refused with a 400 rather than silently clamped.
 */
public record PageRequest(Integer page, Integer size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page == null) {
            page = 0;
        }
        if (size == null) {
            size = DEFAULT_SIZE;
        }
        if (page < 0) {
            throw Problem.badRequest("invalid-page", "page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw Problem.badRequest("invalid-page-size", "size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
