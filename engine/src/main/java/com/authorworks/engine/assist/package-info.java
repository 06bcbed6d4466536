/** AI assist: one streamed call that continues, rewrites, expands, shortens or corrects an author's text. */
package com.authorworks.engine.assist;
