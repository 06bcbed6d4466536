/** Markdown: the writer (front matter + chapters as level-1 headings) and the importer. */
package com.authorworks.publishing.internal.markdown;
