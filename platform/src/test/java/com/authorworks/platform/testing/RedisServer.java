package com.authorworks.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Debian {@code redis-server} on 127.0.0.1 and a free port, without persistence ({@code --save ""}),
 * started and stopped by its PID. {@link #stop()} and {@link #start()} again on the same port stand for an
 * outage. Needs the {@code redis-server} package (./authorworks test installs it).
 */
public final class RedisServer implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final int port;
    private final Path logs;
    private Process process;

    private RedisServer(int port, Path logs) {
        this.port = port;
        this.logs = logs;
    }

    /** A new server on a free port; its log and working directory are {@code logs}. */
    public static RedisServer started(Path logs) {
        RedisServer server = new RedisServer(freePort(), logs);
        server.start();
        return server;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts it (again, on the same port) unless it runs. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(logs);
            process = new ProcessBuilder(BINARY.toString(), "--bind", "127.0.0.1", "--port", String.valueOf(port),
                    "--save", "", "--appendonly", "no", "--dir", logs.toString(), "--protected-mode", "yes")
                    .redirectErrorStream(true).redirectOutput(logs.resolve("redis-" + port + ".log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not start on " + port + " (see " + logs + ")");
            }
            sleep(50);
        }
    }

    /** Stops the server (its PID), and waits until it is gone and its port is closed. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        while (answers()) {
            sleep(20);
        }
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.getOutputStream().write("PING\r\n".getBytes());
            byte[] reply = new byte[5];
            return socket.getInputStream().readNBytes(reply, 0, 5) == 5 && new String(reply).equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
