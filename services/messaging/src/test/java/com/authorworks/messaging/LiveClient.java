package com.authorworks.messaging;

import com.authorworks.platform.testing.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/** A real WebSocket client of {@code /ws} (the JDK's): the frames it received, in order, and how the server closed it. */
final class LiveClient implements WebSocket.Listener {

    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    static LiveClient connect(int port, String query) {
        LiveClient client = new LiveClient();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://localhost:" + port + "/ws" + query), client).join();
        return client;
    }

    static LiveClient connect(int port) {
        return connect(port, "");
    }

    void send(Object frame) {
        socket.sendText(Api.json(frame), true).join();
    }

    /** The next frame other than a heartbeat, within 10 s. */
    JsonNode next() {
        return next(false);
    }

    JsonNode next(boolean heartbeats) {
        try {
            while (true) {
                JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
                if (frame == null) {
                    throw new AssertionError("no frame within 10 s; closed: " + closed.getNow(null));
                }
                if (heartbeats || !frame.path("type").asString().equals("ping")) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The next frame of this type, skipping others (heartbeats, counts). */
    JsonNode next(String type) {
        while (true) {
            JsonNode frame = next(type.equals("ping"));
            if (frame.path("type").asString().equals(type)) {
                return frame;
            }
        }
    }

    int closeCode() {
        return closed.orTimeout(15, TimeUnit.SECONDS).join();
    }

    void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(Api.JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }
}
