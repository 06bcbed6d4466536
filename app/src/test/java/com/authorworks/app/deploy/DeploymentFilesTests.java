package com.authorworks.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files agree with each other and with the code, as far as can be checked without
 * Docker: every service of the split compose file runs a service that exists, on the port the gateway
 * sends its paths to; every variable they set is documented in the README, every one they read from
 * the environment is in {@code .env.example}; health checks and start order; the homelab file's
 * network, Traefik labels and Authelia middleware (seed 004); the image's user and health check.
 */
class DeploymentFilesTests {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path SPLIT = ROOT.resolve("deploy/docker-compose.yml");
    static final Path HOMELAB = ROOT.resolve("deploy/homelab/docker-compose.homelab.yml");
    static final String IMAGE = "authorworks:latest";

    @Test
    void everyServiceOfTheSplitPlatformRunsAKnownServiceOnThePortTheGatewayRoutesTo() {
        Map<String, Integer> gatewayPorts = gatewayPorts();
        Set<String> known = knownServices();
        Map<String, Map<String, Object>> services = services(SPLIT);
        Set<String> platform = new TreeSet<>();
        services.forEach((name, service) -> {
            if (!IMAGE.equals(service.get("image"))) {
                return;
            }
            platform.add(name);
            Map<String, Object> environment = environment(service);
            assertThat(environment.get("AUTHORWORKS_SERVICES")).as(name + " runs the service it is named after").isEqualTo(name);
            assertThat(known).as("a service the code has").contains(name);
            assertThat(gatewayPorts).as("the gateway routes to " + name).containsKey(name);
            assertThat(String.valueOf(environment.get("SERVICE_PORT"))).as(name + "'s port")
                    .isEqualTo(String.valueOf(gatewayPorts.get(name)));
            assertThat(dependsOn(service)).as(name + " starts after the database and the broker").contains("postgres", "kafka");
            if (!name.equals("identity")) {
                assertThat(String.valueOf(environment.get("AUTHORWORKS_JWKS_URI"))).startsWith("http://identity:" + gatewayPorts.get("identity"));
            }
            assertThat(environment).as(name).containsKeys("DATABASE_URL", "AUTHORWORKS_KAFKA_BOOTSTRAP_SERVERS", "AUTHORWORKS_SERVICE_SECRET");
        });
        assertThat(platform).as("every service the code has (but the one-process roles) is deployed")
                .containsAll(known.stream().filter(name -> !name.equals("all")).toList());
        assertThat(dependsOn(services.get("gateway"))).as("the gateway starts after every service").containsAll(platform);
        for (String infrastructure : List.of("postgres", "minio", "kafka", "gateway")) {
            assertThat(services.get(infrastructure)).as(infrastructure + " has a health check").containsKey("healthcheck");
        }
        assertThat(String.valueOf(environment(services.get("content")).get("AUTHORWORKS_STORAGE_URL")))
                .isEqualTo("http://storage:" + gatewayPorts.get("storage"));
    }

    @Test
    void everyVariableTheFilesSetIsDocumentedAndEveryOneTheyReadIsInTheExample() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Set<String> example = exampleVariables();
        for (Path file : List.of(SPLIT, HOMELAB)) {
            services(file).forEach((name, service) -> {
                if (IMAGE.equals(service.get("image"))) {
                    for (String variable : environment(service).keySet()) {
                        assertThat(readme).as(file.getFileName() + ": " + name + " sets " + variable + ", which the README documents")
                                .contains("`" + variable + "`");
                    }
                }
            });
            Matcher reference = Pattern.compile("\\$\\{([A-Z0-9_]+)(:-[^}]*)?}").matcher(Files.readString(file));
            while (reference.find()) {
                if (reference.group(2) == null) {
                    assertThat(example).as(file.getFileName() + " reads ${" + reference.group(1) + "}").contains(reference.group(1));
                }
            }
        }
    }

    @Test
    void theHomelabFileIsSeed004s() throws IOException {
        Map<String, Object> compose = load(HOMELAB);
        assertThat(map(map(compose.get("networks")).get("llm_network")).get("external")).isEqualTo(true);
        Map<String, Object> authorworks = services(HOMELAB).get("authorworks");
        assertThat(list(authorworks.get("networks"))).contains("llm_network");
        List<String> labels = list(authorworks.get("labels")).stream().map(String::valueOf).toList();
        assertThat(labels).contains("traefik.enable=true", "traefik.http.routers.authorworks.middlewares=authelia-leopaska@docker",
                "traefik.http.services.authorworks.loadbalancer.server.port=8080");
        assertThat(String.valueOf(environment(authorworks).get("DATABASE_URL"))).contains("@neon-postgres-leopaska:5432/");
        assertThat(String.valueOf(environment(authorworks).get("AUTHORWORKS_FORWARD_AUTH"))).isEqualTo("true");
    }

    @Test
    void theImageRunsAsANonRootUserAndChecksItsOwnHealth() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("USER 10001").contains("HEALTHCHECK").contains("/health/readiness");
        assertThat(dockerfile.split("\n(?=FROM )")).as("multi-stage").hasSizeGreaterThanOrEqualTo(3);
    }

    // --- reading the files ---------------------------------------------------------------------

    /** The seed ports the gateway names ({@code set $content content:3002;}). */
    static Map<String, Integer> gatewayPorts() {
        Map<String, Integer> ports = new HashMap<>();
        Matcher set = Pattern.compile("set \\$(\\w+)\\s+(\\w+):(\\d+);").matcher(read(ROOT.resolve("deploy/nginx/nginx.conf")));
        while (set.find()) {
            assertThat(set.group(1)).isEqualTo(set.group(2));
            ports.put(set.group(1), Integer.parseInt(set.group(3)));
        }
        assertThat(ports).isNotEmpty();
        return ports;
    }

    /** The services the code has: every {@code @ConditionalOnService("name")}. */
    static Set<String> knownServices() {
        Set<String> names = new TreeSet<>();
        Pattern annotation = Pattern.compile("@ConditionalOnService\\(\"(\\w+)\"\\)");
        for (Path sources : List.of(ROOT.resolve("services"), ROOT.resolve("app/src/main"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(file -> file.toString().endsWith(".java") && file.toString().contains("src" + java.io.File.separator + "main"))
                        .forEach(file -> {
                            Matcher found = annotation.matcher(read(file));
                            while (found.find()) {
                                names.add(found.group(1));
                            }
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(names).contains("identity", "content", "storage", "web");
        return names;
    }

    static Set<String> exampleVariables() {
        Set<String> names = new TreeSet<>();
        for (String line : read(ROOT.resolve("deploy/.env.example")).split("\n")) {
            if (line.matches("[A-Z0-9_]+=.*")) {
                names.add(line.substring(0, line.indexOf('=')));
            }
        }
        return names;
    }

    static Map<String, Map<String, Object>> services(Path file) {
        Map<String, Map<String, Object>> services = new HashMap<>();
        map(load(file).get("services")).forEach((name, service) -> services.put(name, map(service)));
        return services;
    }

    static Map<String, Object> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        return environment == null ? Map.of() : map(environment);
    }

    static List<Object> dependsOn(Map<String, Object> service) {
        Object depends = service.get("depends_on");
        if (depends instanceof Map<?, ?> conditions) {
            return List.copyOf(conditions.keySet());
        }
        return depends == null ? List.of() : list(depends);
    }

    static Map<String, Object> load(Path file) {
        return new Yaml().load(read(file));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
