/** The media service: a book as an audiobook (later a graphic novel and a video). It publishes no API of its own yet. */
package com.authorworks.media;
