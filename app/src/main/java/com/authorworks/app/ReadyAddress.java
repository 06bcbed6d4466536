package com.authorworks.app;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;

/**
 * Tells the person who started the server where to open it: once {@code /health} answers UP, one plain line on
 * standard output, "AuthorWorks is ready at http://localhost:8080" (the address the server is bound to, or
 * localhost when it listens on every interface). The logs, structured for machines, don't say it in words.
 */
public final class ReadyAddress implements ApplicationListener<ApplicationReadyEvent> {

    static final String READY = "AuthorWorks is ready at ";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final PrintStream out;

    public ReadyAddress() {
        this(System.out);
    }

    ReadyAddress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String address = address(event.getApplicationContext().getEnvironment().getProperty("server.address"),
                web.getWebServer().getPort());
        Thread.ofVirtual().name("ready-address").start(() -> announce(address, PATIENCE));
    }

    /** The address to open: the bound host, or localhost for a wildcard (or unset) address. */
    static String address(String bound, int port) {
        String host = bound == null || bound.isBlank() || bound.equals("0.0.0.0") || bound.equals("::") || bound.equals("[::]")
                ? "localhost" : bound.contains(":") && !bound.startsWith("[") ? "[" + bound + "]" : bound;
        return "http://" + host + ":" + port;
    }

    /** Waits for {@code address/health} to answer 200, then prints the ready line; says so if it never does. */
    void announce(String address, Duration patience) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String probe = address.replace("//localhost:", "//127.0.0.1:") + "/health";
        long deadline = System.nanoTime() + patience.toNanos();
        String last = "no answer";
        do {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(probe)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    out.println(READY + address);
                    out.flush();
                    return;
                }
                last = "HTTP " + health.statusCode() + " " + health.body();
            } catch (java.io.IOException e) {
                last = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } while (System.nanoTime() < deadline);
        out.println("AuthorWorks started at " + address + " but is not healthy yet (" + last + "); see " + address + "/health");
        out.flush();
    }
}
