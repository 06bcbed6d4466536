/** Discovery's read model, its Lucene index, the embedding model, and the HTTP API under /api/v1/discover. */
package com.authorworks.discovery.internal;
