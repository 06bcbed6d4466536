/** One leased job queue over a service's own table (owner, heartbeat, limits, backoff, cancel) and the worker that runs it. */
package com.authorworks.platform.jobs;
