/** The messaging service: notifications (in-app, live over WebSocket and SSE, email) and conversations. It publishes no API of its own yet. */
package com.authorworks.messaging;
