/** Publishing a book (now or on a schedule), taking it down, its listing, and an author's public shelf. */
package com.authorworks.content.publication;
