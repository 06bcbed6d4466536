/** Messaging's inbox of notifications and the listeners that fill it, conversations (/api/v1/conversations), live delivery (WS /ws, SSE) and the HTTP API. */
package com.authorworks.messaging.internal;
