/** Rate limits (Bucket4j token buckets) through one interface: in Redis when REDIS_URL is set, else in PostgreSQL or in the process. */
package com.authorworks.platform.ratelimits;
