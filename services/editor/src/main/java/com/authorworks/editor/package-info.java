/** The editor service: real-time co-writing of a scene (Yjs over WebSocket). It publishes no API of its own yet. */
package com.authorworks.editor;
