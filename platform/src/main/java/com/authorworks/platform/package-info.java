/** The shared kernel every service builds on: typed ids, problems, paging and the current user. */
package com.authorworks.platform;
