/** A scene as a document: Plate JSON, HTML and Markdown views, the non-collaborative save, and writing the shared document back to content. */
package com.authorworks.editor.internal.document;
