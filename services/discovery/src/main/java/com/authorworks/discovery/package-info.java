/** The discovery service: the catalogue of published books, search, trending and recommendations. It publishes no API of its own yet. */
package com.authorworks.discovery;
