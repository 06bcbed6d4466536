/** The export benchmark (a main, not a test): see bench/README.md. */
package com.authorworks.publishing.bench;
