/** Tests of the conversions between scene HTML and publishing's Markdown and plain text. */
package com.authorworks.content.export;
