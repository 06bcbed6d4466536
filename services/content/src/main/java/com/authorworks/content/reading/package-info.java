/** Where a reader stopped in a book, so the reader view opens there again. */
package com.authorworks.content.reading;
