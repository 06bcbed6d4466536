/** Rendering shared by the writers: sanitised HTML for scene bodies, the book document, the sample notice. */
package com.authorworks.publishing.internal.render;
