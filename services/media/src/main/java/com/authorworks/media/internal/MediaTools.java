package com.authorworks.media.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.authorworks.platform.Problem;

/**
 * The command-line tools media runs: ffmpeg/ffprobe (Debian package {@code ffmpeg}) and espeak-ng (package
 * {@code espeak-ng}). The launcher installs them when missing (ADR 0007); where it could not, every media
 * action that needs one answers a 503 problem {@code media-tool-missing} naming the package, never a 500.
 */
@Component
public class MediaTools {

    /** A tool and the Debian package it comes in. */
    public enum Tool {
        FFMPEG("ffmpeg"), FFPROBE("ffmpeg"), ESPEAK("espeak-ng");

        private final String debianPackage;

        Tool(String debianPackage) {
            this.debianPackage = debianPackage;
        }

        public String debianPackage() {
            return debianPackage;
        }
    }

    /** A run that failed: the tool's exit code and the end of what it wrote to stderr. */
    public static class ToolFailedException extends RuntimeException {

        public ToolFailedException(String message) {
            super(message);
        }
    }

    private final MediaProperties properties;

    public MediaTools(MediaProperties properties) {
        this.properties = properties;
    }

    public String command(Tool tool) {
        return switch (tool) {
            case FFMPEG -> properties.ffmpeg();
            case FFPROBE -> properties.ffprobe();
            case ESPEAK -> properties.espeak();
        };
    }

    /** Whether the tool can be run here. */
    public boolean available(Tool tool) {
        String command = command(tool);
        if (command.contains("/")) {
            return Files.isExecutable(Path.of(command));
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** The tools that are missing, in order; empty when all are here. */
    public List<Tool> missing() {
        List<Tool> missing = new ArrayList<>();
        for (Tool tool : Tool.values()) {
            if (!available(tool)) {
                missing.add(tool);
            }
        }
        return missing;
    }

    /** Throws the 503 problem naming the Debian packages to install when any tool is missing. */
    public void require() {
        List<Tool> missing = missing();
        if (!missing.isEmpty()) {
            List<String> packages = missing.stream().map(Tool::debianPackage).distinct().toList();
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "media-tool-missing",
                    "Audio needs " + String.join(" and ", missing.stream().map(this::command).distinct().toList())
                            + ", which this machine does not have: install the Debian package" + (packages.size() > 1 ? "s " : " ")
                            + String.join(" ", packages) + " (apt-get install -y " + String.join(" ", packages)
                            + "); ./authorworks does it for you when it may.", Map.of("packages", packages));
        }
    }

    /** Runs the tool with these arguments; its stdout as text, or {@link ToolFailedException} on a non-zero exit. */
    public String run(Tool tool, List<String> arguments) {
        return new String(runBytes(tool, arguments, null), StandardCharsets.UTF_8);
    }

    /** Runs the tool; its stdout and its stderr (ffmpeg reports its measurements there). */
    public Output runCapturing(Tool tool, List<String> arguments) {
        return exec(tool, arguments, null);
    }

    public byte[] runBytes(Tool tool, List<String> arguments, byte[] stdin) {
        return exec(tool, arguments, stdin).stdout();
    }

    public record Output(byte[] stdout, String stderr) {
    }

    private Output exec(Tool tool, List<String> arguments, byte[] stdin) {
        List<String> command = new ArrayList<>();
        command.add(command(tool));
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            require();
            throw new ToolFailedException(command(tool) + " could not be started: " + e.getMessage());
        }
        try {
            // each stream drained on a thread of its own: a tool blocked on a full pipe would never exit
            CompletableFuture<byte[]> out = drain(process.getInputStream());
            CompletableFuture<byte[]> err = drain(process.getErrorStream());
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            Duration timeout = properties.toolTimeout();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ToolFailedException(command(tool) + " took longer than " + timeout + " and was stopped");
            }
            String stderr = new String(err.join(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                String tail = stderr.length() > 600 ? stderr.substring(stderr.length() - 600) : stderr;
                throw new ToolFailedException(command(tool) + " failed (exit " + process.exitValue() + "): " + tail.strip());
            }
            return new Output(out.join(), stderr);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ToolFailedException(command(tool) + " was interrupted");
        } catch (IOException e) {
            process.destroyForcibly();
            throw new ToolFailedException(command(tool) + " failed: " + e.getMessage());
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> result.complete(readAll(in)));
        return result;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
