/** One leased job queue over a service's own table (owner, heartbeat, limits, backoff, cancel), the worker that runs it, and periodic tasks. */
package com.authorworks.platform.jobs;
