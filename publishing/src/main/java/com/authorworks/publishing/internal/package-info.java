/** Implementation of the publishing formats; not part of the published API. */
package com.authorworks.publishing.internal;
