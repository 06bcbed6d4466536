/** Books, chapters, scenes, plan artifacts and their versions over HTTP. */
package com.authorworks.content.book;
