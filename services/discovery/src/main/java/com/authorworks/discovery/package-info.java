/** The discovery service: the catalogue of published books, search, lists and readers' follows and ratings; it publishes {@link com.authorworks.discovery.BookFollowed}, {@link com.authorworks.discovery.BookRated} and {@link com.authorworks.discovery.FollowedBookUpdated}. */
package com.authorworks.discovery;
