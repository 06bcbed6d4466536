/** Test fixtures other modules' tests share (published as the platform's test-jar). */
package com.authorworks.platform.testing;
