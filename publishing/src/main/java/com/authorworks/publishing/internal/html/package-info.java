/** HTML: a single self-contained, sanitised HTML file. */
package com.authorworks.publishing.internal.html;
