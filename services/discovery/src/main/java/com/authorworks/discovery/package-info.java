/** The discovery service: the catalogue of published books, search, lists and readers' follows and ratings; readers' chapter comments and the moderation of comments and reviews; it publishes {@link com.authorworks.discovery.BookFollowed}, {@link com.authorworks.discovery.BookRated} and {@link com.authorworks.discovery.CommentPosted}. */
package com.authorworks.discovery;
