/** Tests of the rate limiters against a real redis-server. */
package com.authorworks.platform.ratelimits;
