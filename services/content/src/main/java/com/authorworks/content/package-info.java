/** The content service's published API: typed ids of books, chapters and scenes, and the events it publishes. */
package com.authorworks.content;
