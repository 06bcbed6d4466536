/** The Yjs sync protocol over WebSocket at /ws/editor/{documentId}: y-websocket messages, the open documents and their peers. */
package com.authorworks.editor.internal.sync;
