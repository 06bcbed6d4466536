/** EPUB 3: the writer (valid per epubcheck) and the importer (spine order, OPF metadata). */
package com.authorworks.publishing.internal.epub;
