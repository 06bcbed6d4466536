/** The blob store adapters: local disk (the embedded default) and S3/MinIO. */
package com.authorworks.storage.internal.blob;
