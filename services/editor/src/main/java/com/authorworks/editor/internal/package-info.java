/** The editor service's implementation: settings; the sync server, log and sessions live in the packages below. */
package com.authorworks.editor.internal;
