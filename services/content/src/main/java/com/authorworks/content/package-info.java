/**
 * The content service's published API: typed ids of books, chapters and scenes, the access policy
 * deciding who may read a book, and the events it publishes.
 */
package com.authorworks.content;
