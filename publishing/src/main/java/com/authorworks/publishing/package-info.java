/** Manuscript exports and imports: the model, {@link com.authorworks.publishing.Publishing} and its writers and importers. */
package com.authorworks.publishing;
