/** The command line: {@code ./authorworks <command>}. */
@NamedInterface("cli")
package com.authorworks.app.cli;

import org.springframework.modulith.NamedInterface;
