/** Print PDF: openhtmltopdf with embedded DejaVu fonts, trim size, mirrored margins and a paged table of contents. */
package com.authorworks.publishing.internal.pdf;
