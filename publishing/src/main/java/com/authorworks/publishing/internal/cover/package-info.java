/** Covers: the generated cover used when the author uploaded none. */
package com.authorworks.publishing.internal.cover;
