/** Stored files: metadata, type sniffing, quotas, signed download links and the files HTTP API. */
package com.authorworks.storage.internal.files;
