/** Safe reading of zip containers (EPUB, DOCX) and XML from untrusted uploads. */
package com.authorworks.publishing.internal.archive;
