package com.authorworks.platform.jobs;

/**
 * A claim on one running job: {@code owner} is the token only this claim knows, and every later
 * change (renew, finish, retry, release) must name it, so a worker that lost its lease (it stalled
 * past it and another worker claimed the job) cannot change the job any more.
 * {@code attempts} counts the claims, this one included.
 */
public record Lease<I extends JobId>(I id, String owner, int attempts) {
}
