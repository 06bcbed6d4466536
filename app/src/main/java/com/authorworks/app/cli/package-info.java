/** The command line: {@code ./authorworks <command>}. */
package com.authorworks.app.cli;
