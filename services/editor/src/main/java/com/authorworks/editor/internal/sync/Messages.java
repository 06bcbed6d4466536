package com.authorworks.editor.internal.sync;

/**
 * The y-websocket messages (y-protocols' sync and awareness), as the npm {@code y-websocket} client
 * and {@code @y/websocket-server} exchange them: a varUint message type, then its payload.
 */
final class Messages {

    static final int SYNC = 0;
    static final int AWARENESS = 1;
    static final int AUTH = 2;
    static final int QUERY_AWARENESS = 3;

    static final int SYNC_STEP_1 = 0;
    static final int SYNC_STEP_2 = 1;
    static final int SYNC_UPDATE = 2;

    /** y-protocols' auth message "permission denied", followed by its reason. */
    static final int AUTH_PERMISSION_DENIED = 0;

    private Messages() {
    }

    static byte[] syncStep1(byte[] stateVector) {
        return new Lib0.Writer().varUint(SYNC).varUint(SYNC_STEP_1).varBytes(stateVector).toByteArray();
    }

    static byte[] syncStep2(byte[] update) {
        return new Lib0.Writer().varUint(SYNC).varUint(SYNC_STEP_2).varBytes(update).toByteArray();
    }

    static byte[] update(byte[] update) {
        return new Lib0.Writer().varUint(SYNC).varUint(SYNC_UPDATE).varBytes(update).toByteArray();
    }

    static byte[] awareness(byte[] awarenessUpdate) {
        return new Lib0.Writer().varUint(AWARENESS).varBytes(awarenessUpdate).toByteArray();
    }

    static byte[] permissionDenied(String reason) {
        return new Lib0.Writer().varUint(AUTH).varUint(AUTH_PERMISSION_DENIED).varString(reason).toByteArray();
    }
}
