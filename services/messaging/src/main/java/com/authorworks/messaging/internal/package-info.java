/** Messaging's inbox of notifications, the listeners that fill it, live delivery (WS /ws, SSE) and the HTTP API under /api/v1/notifications. */
package com.authorworks.messaging.internal;
