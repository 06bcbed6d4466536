/** Word (DOCX, via Apache POI): the writer (Heading styles) and the importer. */
package com.authorworks.publishing.internal.docx;
