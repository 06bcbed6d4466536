/** Tests of the leased job queue and its worker on a table of their own. */
package com.authorworks.platform.jobs;
