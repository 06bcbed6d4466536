package com.authorworks.engine.standin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@link RealisticModelServer} as a process of its own, for entry points that run elsewhere (the CLI, the
 * platform): {@code StandIn [--port 0] [--seed 42] [--faults 0] [--rate 0] [--ttft 0] [--url-file F] [--log DIR]}.
 * It prints (and writes to {@code --url-file}) its Anthropic base URL; the OpenAI-compatible one is that plus
 * {@code /v1}. On SIGTERM it writes {@code --log DIR}: the server's log and {@code summary.txt} (requests served,
 * answered in full, faults, input and output tokens).
 */
public final class StandIn {

    private StandIn() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>(Map.of("--port", "0", "--seed", "42", "--faults", "0", "--rate", "0", "--ttft", "0",
                "--url-file", "", "--log", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!a.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            a.put(args[i], args[i + 1]);
        }
        RealisticModelServer server = RealisticModelServer.builder().seed(Long.parseLong(a.get("--seed")))
                .port(Integer.parseInt(a.get("--port"))).tokensPerSecond(Double.parseDouble(a.get("--rate")))
                .firstToken(Duration.ofMillis(Math.round(Double.parseDouble(a.get("--ttft")) * 1000)))
                .faults(Faults.transientAt(Double.parseDouble(a.get("--faults")))).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (!a.get("--log").isEmpty()) {
                    Path dir = Files.createDirectories(Path.of(a.get("--log")));
                    server.writeLog(dir);
                    Files.writeString(dir.resolve("summary.txt"), summary(server));
                }
            } catch (IOException e) {
                System.err.println("could not write the log: " + e.getMessage());
            } finally {
                server.close();
                stopped.countDown();
            }
        }));
        System.out.println(server.baseUrl());
        if (!a.get("--url-file").isEmpty()) {
            Path file = Path.of(a.get("--url-file"));
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, server.baseUrl() + "\n");
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        stopped.await();
    }

    static String summary(RealisticModelServer server) {
        var served = server.requests();
        long answered = served.stream().filter(ServedRequest::answered).count();
        long faults = served.stream().filter(r -> r.fault() != null).count();
        long in = served.stream().mapToLong(ServedRequest::inputTokens).sum();
        long out = served.stream().mapToLong(ServedRequest::outputTokens).sum();
        long largest = served.stream().mapToLong(ServedRequest::inputTokens).max().orElse(0);
        return String.format(Locale.ROOT, "requests=%d%nanswered=%d%nfaults=%d%ninput_tokens=%d%noutput_tokens=%d%nlargest_input=%d%nfacts=%d%n",
                served.size(), answered, faults, in, out, largest, server.facts().size());
    }
}
