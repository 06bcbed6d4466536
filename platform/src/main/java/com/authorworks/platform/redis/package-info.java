/** Redis as the processes' shared state when REDIS_URL is set: one connection, outages noticed once, skipped while they last. */
package com.authorworks.platform.redis;
