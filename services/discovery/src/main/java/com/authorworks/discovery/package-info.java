/** The discovery service: the catalogue of published books, search, lists and readers' follows and ratings; it publishes {@link com.authorworks.discovery.BookFollowed} and {@link com.authorworks.discovery.BookRated}. */
package com.authorworks.discovery;
