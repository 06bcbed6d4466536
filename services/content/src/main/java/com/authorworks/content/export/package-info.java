/** Exports of books to files in the storage service and imports of manuscripts as new books, over HTTP. */
package com.authorworks.content.export;
