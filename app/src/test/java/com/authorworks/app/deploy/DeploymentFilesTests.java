package com.authorworks.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * The deployment files agree with each other and with the code, as far as can be checked without
 * Docker: every service of the split compose file runs a service that exists, on the port the gateway
 * sends its paths to; every variable they set is documented in the README, every one they read from
 * the environment is in {@code .env.example}; health checks and start order; Redis; the homelab file's
 * network, Traefik labels, Authelia middleware and shared services (seed 004); the Kubernetes manifests
 * read into fabric8's model and checked against the compose file, the gateway and the image (ports,
 * variables, probes, labels, Ingress, HPA, the migration Job); the scripts; the image's user, health
 * check and memory defaults.
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

    /**
     * Each public path a service maps ({@code @GetMapping("/api/v1/...")} and the like, below a class's
     * {@code @RequestMapping}) reaches that service through the gateway, by nginx's own choice of
     * location: an exact match, else the first matching regular expression, else the longest prefix.
     */
    @Test
    void everyPathAServiceMapsIsRoutedToItByTheGateway() throws IOException {
        List<String[]> locations = new ArrayList<>();
        Matcher location = Pattern.compile("location\\s+(=|~)?\\s*(\\S+)\\s*\\{[^}]*?proxy_pass http://\\$(\\w+)")
                .matcher(read(ROOT.resolve("deploy/nginx/nginx.conf")));
        while (location.find()) {
            locations.add(new String[] {location.group(1) == null ? "" : location.group(1), location.group(2), location.group(3)});
        }
        Pattern mapping = Pattern.compile("@(Request|Get|Post|Put|Patch|Delete)Mapping\\((?:value\\s*=\\s*|path\\s*=\\s*)?\\{?\\s*\"(/api/v1/[^\"]*)\"");
        int checked = 0;
        for (String service : knownServices()) {
            Path sources = ROOT.resolve("services/" + service + "/src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher mapped = mapping.matcher(Files.readString(file));
                    while (mapped.find()) {
                        // a class's @RequestMapping is the prefix of its methods' paths
                        String path = mapped.group(2).replaceAll("\\{[^}]+}", "x") + (mapped.group(1).equals("Request") ? "/x" : "");
                        if (path.startsWith("/api/v1/internal/")) {
                            continue;
                        }
                        assertThat(routed(locations, path)).as(path + " (" + file.getFileName() + ") through the gateway").isEqualTo(service);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("mappings found").isGreaterThan(20);
    }

    /**
     * The split compose file's Prometheus scrapes every service on its port, labelled with it, and
     * Grafana's dashboard asks only for metrics that exist: ours as the code registers them
     * ({@code Counter.builder("a.b")...baseUnit("x")} is {@code a_b_x_total}, the unit said once), the others from the
     * libraries the services run (Spring's HTTP server, Hikari, the Kafka clients, the JVM).
     */
    @Test
    void prometheusScrapesEveryServiceAndTheDashboardAsksForMetricsThatExist() throws IOException {
        Map<String, Integer> gatewayPorts = gatewayPorts();
        Map<String, Object> prometheus = load(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        Map<String, String> targets = new HashMap<>();
        for (Object job : list(prometheus.get("scrape_configs"))) {
            assertThat(map(job).get("metrics_path")).isEqualTo("/metrics");
            for (Object target : list(map(job).get("static_configs"))) {
                String service = String.valueOf(map(map(target).get("labels")).get("service"));
                for (Object address : list(map(target).get("targets"))) {
                    targets.put(service, String.valueOf(address));
                }
            }
        }
        services(SPLIT).forEach((name, service) -> {
            if (IMAGE.equals(service.get("image"))) {
                assertThat(targets).as("Prometheus scrapes " + name).containsEntry(name, name + ":" + gatewayPorts.get(name));
            }
        });

        Set<String> ours = new TreeSet<>();
        Pattern meter = Pattern.compile("(Counter|Gauge)\\.builder\\(\"([a-z.]+)\"([^;]*?baseUnit\\(\"(\\w+)\"\\))?[^;]*;");
        try (Stream<Path> files = Stream.of(ROOT.resolve("services"), ROOT.resolve("platform/src/main")).flatMap(DeploymentFilesTests::walk)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/test/")).toList()) {
                Matcher found = meter.matcher(Files.readString(file));
                while (found.find()) {
                    String name = found.group(2).replace('.', '_');
                    if (found.group(4) != null && !name.endsWith("_" + found.group(4))) {
                        name += "_" + found.group(4);
                    }
                    ours.add(found.group(1).equals("Counter") ? name + "_total" : name);
                }
            }
        }
        assertThat(ours).contains("authorworks_generation_jobs_total", "authorworks_jobs", "authorworks_websocket_sessions");
        Set<String> libraries = Set.of("http_server_requests_seconds_count", "http_server_requests_seconds_bucket", "hikaricp_connections_active",
                "hikaricp_connections_pending", "kafka_consumer_fetch_manager_records_lag_max", "jvm_memory_used_bytes");
        Set<String> known = new TreeSet<>(ours);
        known.addAll(libraries);
        String dashboard = read(ROOT.resolve("deploy/grafana/dashboards/authorworks.json"));
        tools.jackson.databind.JsonNode panels = tools.jackson.databind.json.JsonMapper.builder().build().readTree(dashboard).path("panels");
        assertThat(panels.size()).isGreaterThanOrEqualTo(8);
        Pattern metric = Pattern.compile("\\b([a-z][a-z0-9_]*_[a-z0-9_]+)\\b(?=\\s*[\\[{)])");
        for (tools.jackson.databind.JsonNode panel : panels) {
            assertThat(panel.path("datasource").path("uid").asString()).as("the provisioned data source").isEqualTo("prometheus");
            for (tools.jackson.databind.JsonNode target : panel.path("targets")) {
                Matcher asked = metric.matcher(target.path("expr").asString());
                while (asked.find()) {
                    assertThat(asked.group(1)).as(panel.path("title").asString()).isIn(known);
                }
            }
        }
        assertThat(read(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"))).contains("uid: prometheus", "http://prometheus:9090");
    }

    private static Stream<Path> walk(Path folder) {
        try {
            return Files.walk(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The upstream nginx picks for a path: an exact location, else the first regex that matches, else the longest prefix. */
    static String routed(List<String[]> locations, String path) {
        String[] longest = null;
        for (String[] location : locations) {
            if (location[0].equals("=") && location[1].equals(path)) {
                return location[2];
            }
            if (location[0].isEmpty() && path.startsWith(location[1]) && (longest == null || location[1].length() > longest[1].length())) {
                longest = location;
            }
        }
        for (String[] location : locations) {
            if (location[0].equals("~") && Pattern.compile(location[1]).matcher(path).find()) {
                return location[2];
            }
        }
        return longest == null ? null : longest[2];
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
        Map<String, Map<String, Object>> services = services(HOMELAB);
        Map<String, Integer> gatewayPorts = gatewayPorts();
        Set<String> platform = new TreeSet<>();
        services.forEach((name, service) -> {
            assertThat(list(service.get("networks"))).as(name + " is on llm_network").contains("llm_network");
            if (!IMAGE.equals(service.get("image"))) {
                return;
            }
            platform.add(name);
            Map<String, Object> environment = environment(service);
            assertThat(environment.get("AUTHORWORKS_SERVICES")).isEqualTo(name);
            assertThat(String.valueOf(environment.get("SERVICE_PORT"))).isEqualTo(String.valueOf(gatewayPorts.get(name)));
            // the homelab's shared services, by container name (seed 004)
            assertThat(String.valueOf(environment.get("DATABASE_URL"))).contains("@neon-postgres-leopaska:5432/");
            assertThat(String.valueOf(environment.get("REDIS_URL"))).startsWith("redis://:${REDIS_PASSWORD}@redis-nd-leopaska:6379");
            assertThat(String.valueOf(environment.get("AUTHORWORKS_FORWARD_AUTH"))).isEqualTo("true");
            assertThat(String.valueOf(environment.get("AUTHORWORKS_TRUSTED_PROXIES"))).isEqualTo("10.0.1.0/24");
            assertThat(environment).containsKeys("AUTHORWORKS_KAFKA_BOOTSTRAP_SERVERS", "AUTHORWORKS_SERVICE_SECRET");
        });
        assertThat(platform).containsAll(knownServices().stream().filter(name -> !name.equals("all")).toList());
        assertThat(String.valueOf(environment(services.get("storage")).get("MINIO_ENDPOINT"))).isEqualTo("http://minio-leopaska:9000");
        Map<String, Object> gateway = services.get("gateway");
        List<String> labels = list(gateway.get("labels")).stream().map(String::valueOf).toList();
        assertThat(labels).contains("traefik.enable=true", "traefik.docker.network=llm_network",
                "traefik.http.routers.authorworks.middlewares=authelia-leopaska@docker",
                "traefik.http.routers.authorworks.tls.certresolver=letsencrypt",
                "traefik.http.services.authorworks.loadbalancer.server.port=" + nginxPort());
        assertThat(services.values().stream().filter(service -> service != gateway && service.containsKey("labels")))
                .as("only the gateway is routed to by Traefik: every request passes Authelia and the gateway").isEmpty();
        assertThat(dependsOn(gateway)).containsAll(platform);
    }

    @Test
    void theSplitComposeFileHasRedisAndEveryServiceUsesIt() {
        Map<String, Map<String, Object>> services = services(SPLIT);
        Map<String, Object> redis = services.get("redis");
        assertThat(redis).containsKey("healthcheck");
        assertThat(String.valueOf(redis.get("command"))).contains("--requirepass").contains("--save");
        services.forEach((name, service) -> {
            if (IMAGE.equals(service.get("image"))) {
                assertThat(String.valueOf(environment(service).get("REDIS_URL"))).as(name).isEqualTo("redis://:${REDIS_PASSWORD}@redis:6379");
                assertThat(dependsOn(service)).as(name).contains("redis");
            }
        });
    }

    @Test
    void theKubernetesManifestsParseAndAgreeWithTheComposeFileTheGatewayAndTheImage() throws IOException {
        Kubernetes k8s = Kubernetes.load(ROOT.resolve("deploy/k8s"));
        Map<String, Integer> gatewayPorts = gatewayPorts();
        Map<String, Map<String, Object>> compose = services(SPLIT);
        Set<String> roles = new TreeSet<>(knownServices());
        roles.remove("all");

        assertThat(k8s.of(Namespace.class)).extracting(n -> n.getMetadata().getName()).containsExactly("authorworks");
        for (HasMetadata resource : k8s.resources) {
            String what = resource.getKind() + " " + resource.getMetadata().getName();
            if (!(resource instanceof Namespace)) {
                assertThat(resource.getMetadata().getNamespace()).as(what).isEqualTo("authorworks");
            }
            assertThat(resource.getMetadata().getLabels()).as(what + " labels")
                    .containsEntry("app.kubernetes.io/part-of", "authorworks").containsKey("app.kubernetes.io/name");
        }

        ConfigMap config = k8s.named(ConfigMap.class, "authorworks-config");
        Secret secret = k8s.named(Secret.class, "authorworks-secrets");
        Set<String> shared = new TreeSet<>(config.getData().keySet());
        shared.addAll(secret.getStringData().keySet());
        assertThat(java.util.Collections.disjoint(config.getData().keySet(), secret.getStringData().keySet()))
                .as("a variable is either configuration or a secret").isTrue();
        assertThat(exampleVariables()).as("the Secret is made from .env: its keys are the example's")
                .containsAll(secret.getStringData().keySet());
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (String variable : shared) {
            assertThat(readme).as(variable + " is documented").contains("`" + variable + "`");
        }

        int runAs = Integer.parseInt(matching(read(ROOT.resolve("Dockerfile")), "\nUSER (\\d+)"));
        for (String role : roles) {
            Deployment deployment = k8s.named(Deployment.class, role);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).as(role + " selects its pods")
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(container.getImage()).isEqualTo(IMAGE);
            assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
                    .as(role + " runs as the image's user").isEqualTo(runAs);
            Map<String, String> env = new HashMap<>();
            container.getEnv().forEach(var -> env.put(var.getName(), var.getValue()));
            assertThat(env.get("AUTHORWORKS_SERVICES")).isEqualTo(role);
            int port = gatewayPorts.get(role);
            assertThat(env.get("SERVICE_PORT")).as(role + "'s port, as the gateway and compose have it").isEqualTo(String.valueOf(port))
                    .isEqualTo(String.valueOf(environment(compose.get(role)).get("SERVICE_PORT")));
            assertThat(container.getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getContainerPort()).isEqualTo(port);
                assertThat(p.getName()).isEqualTo("http");
            });
            assertThat(container.getEnvFrom()).extracting(from -> from.getConfigMapRef() != null ? from.getConfigMapRef().getName()
                    : from.getSecretRef().getName()).containsExactlyInAnyOrder("authorworks-config", "authorworks-secrets");
            // every variable compose gives this service, the pod has too (or compose-only wiring the ConfigMap replaces)
            Set<String> podVariables = new TreeSet<>(shared);
            podVariables.addAll(env.keySet());
            assertThat(podVariables).as(role + " has every variable compose sets").containsAll(environment(compose.get(role)).keySet());
            // the probes: the image's health check path for readiness, liveness separately, on the named port
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/readiness")
                    .isEqualTo(matching(read(ROOT.resolve("Dockerfile")), "(/health/readiness)"));
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/liveness");
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health/liveness");
            for (Probe probe : List.of(container.getReadinessProbe(), container.getLivenessProbe(), container.getStartupProbe())) {
                assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
            }
            assertThat(container.getResources().getLimits()).as(role + " has a memory limit").containsKey("memory");

            Service service = k8s.named(Service.class, role);
            assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getPort()).as(role + " answers on the port the others call").isEqualTo(port);
                assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
            });
        }
        // the configuration's in-cluster addresses name Services that exist, on their ports
        for (String address : List.of(config.getData().get("AUTHORWORKS_JWKS_URI"), config.getData().get("AUTHORWORKS_STORAGE_URL"),
                config.getData().get("AUTHORWORKS_SUBSCRIPTIONS_URL"))) {
            Matcher host = Pattern.compile("http://(\\w+)\\.authorworks\\.svc\\.cluster\\.local:(\\d+)").matcher(address);
            assertThat(host.find()).as(address).isTrue();
            assertThat(k8s.named(Service.class, host.group(1)).getSpec().getPorts().getFirst().getPort())
                    .isEqualTo(Integer.parseInt(host.group(2)));
        }

        Deployment gateway = k8s.named(Deployment.class, "gateway");
        Container nginx = gateway.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(nginx.getPorts().getFirst().getContainerPort()).as("nginx listens there").isEqualTo(nginxPort());
        assertThat(nginx.getImage()).isEqualTo(compose.get("gateway").get("image"));
        assertThat(nginx.getReadinessProbe()).isNotNull();
        assertThat(k8s.named(Service.class, "gateway").getSpec().getPorts().getFirst().getPort()).isEqualTo(nginxPort());

        Ingress ingress = k8s.named(Ingress.class, "authorworks");
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("traefik");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getSecretName()).isNotBlank();
            assertThat(tls.getHosts()).containsExactly(ingress.getSpec().getRules().getFirst().getHost());
        });
        assertThat(ingress.getSpec().getRules().getFirst().getHttp().getPaths()).singleElement()
                .satisfies(path -> assertThat(path.getBackend().getService().getName()).isEqualTo("gateway"));
        assertThat(ingress.getMetadata().getAnnotations().get("traefik.ingress.kubernetes.io/router.middlewares"))
                .as("Authelia in front").contains("authelia");

        for (HorizontalPodAutoscaler hpa : k8s.of(HorizontalPodAutoscaler.class)) {
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            k8s.named(Deployment.class, hpa.getSpec().getScaleTargetRef().getName());
            assertThat(hpa.getSpec().getMinReplicas()).isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
        }
        assertThat(k8s.of(HorizontalPodAutoscaler.class)).extracting(h -> h.getSpec().getScaleTargetRef().getName()).contains("content");

        Job migrate = k8s.of(Job.class).getFirst();
        Container migration = migrate.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(migration.getImage()).isEqualTo(IMAGE);
        assertThat(migration.getArgs()).containsExactly("migrate");
        assertThat(migration.getEnv()).singleElement().satisfies(var -> {
            assertThat(var.getName()).isEqualTo("DATABASE_URL");
            assertThat(var.getValueFrom().getSecretKeyRef().getName()).isEqualTo("authorworks-secrets");
            assertThat(secret.getStringData()).containsKey(var.getValueFrom().getSecretKeyRef().getKey());
        });
        assertThat(read(ROOT.resolve("app/src/main/java/com/authorworks/app/cli/AuthorWorksCommand.java"))).contains("MigrateCommand.class");

        for (PersistentVolumeClaim claim : k8s.of(PersistentVolumeClaim.class)) {
            assertThat(k8s.of(Deployment.class).stream().flatMap(d -> d.getSpec().getTemplate().getSpec().getVolumes() == null
                    ? java.util.stream.Stream.empty() : d.getSpec().getTemplate().getSpec().getVolumes().stream())
                    .anyMatch(v -> v.getPersistentVolumeClaim() != null
                            && v.getPersistentVolumeClaim().getClaimName().equals(claim.getMetadata().getName())))
                    .as(claim.getMetadata().getName() + " is mounted").isTrue();
        }
    }

    @Test
    void theScriptsAreValidBashAndVerifyRunsTheSeedsChecks() throws Exception {
        for (String script : List.of("scripts/deploy.sh", "scripts/verify.sh")) {
            Path file = ROOT.resolve(script);
            assertThat(Files.isExecutable(file)).as(script + " is executable").isTrue();
            Process syntax = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
            String output = new String(syntax.getInputStream().readAllBytes());
            assertThat(syntax.waitFor()).as(script + ": " + output).isZero();
        }
        String verify = read(ROOT.resolve("scripts/verify.sh"));
        for (String role : knownServices()) {
            if (!role.equals("all")) {
                assertThat(verify).as("verify checks " + role).contains(role);
            }
        }
        // the seed's checks: containers healthy, /health per service and at the gateway, database, Redis, MinIO,
        // TLS/Traefik, Authelia, the database in the shared PostgreSQL
        assertThat(verify).contains("State.Health.Status", "/health/", "$GATEWAY/health\"", "/health/readiness", "redis-cli",
                "/minio/health/live", "curl -fsSI", "Authelia", "neon-postgres-leopaska");
        String deploy = read(ROOT.resolve("scripts/deploy.sh"));
        assertThat(deploy).contains("docker compose", "config --quiet", "migrate", "kubectl apply", "migration-job.yaml",
                "scripts/verify.sh");
    }

    @Test
    void theImageRunsAsANonRootUserAndChecksItsOwnHealth() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("USER 10001").contains("HEALTHCHECK").contains("/health/readiness");
        assertThat(dockerfile.split("\n(?=FROM )")).as("multi-stage").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theImageRunsWithTheLaunchersMeasuredMemoryDefaults() {
        String launcher = read(ROOT.resolve("authorworks"));
        String defaults = matching(launcher, "\nDEFAULT_JAVA_OPTS=\"([^\"]+)\"") + " "
                + matching(launcher, "DEFAULT_JAVA_OPTS\\+=\" ([^\"]+)\"");   // the image's JDK is 25
        String image = matching(read(ROOT.resolve("Dockerfile")), "AUTHORWORKS_JAVA_OPTS=\"([^\"]+)\"");
        assertThat(image.split(" ")).containsExactly(defaults.split(" "));
        assertThat(read(ROOT.resolve("Dockerfile"))).doesNotContain("JAVA_TOOL_OPTIONS").contains("eclipse-temurin:25");
    }

    // --- reading the files ---------------------------------------------------------------------

    /** Every document of every manifest in a folder, read into the Kubernetes model (fabric8) by its kind. */
    record Kubernetes(List<HasMetadata> resources) {

        private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Namespace", Namespace.class,
                "ConfigMap", ConfigMap.class, "Secret", Secret.class, "Deployment", Deployment.class, "Service", Service.class,
                "Ingress", Ingress.class, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class, "Job", Job.class,
                "PersistentVolumeClaim", PersistentVolumeClaim.class);
        private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

        static Kubernetes load(Path folder) throws IOException {
            List<HasMetadata> resources = new java.util.ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    for (Object document : new Yaml().loadAll(read(file))) {
                        if (document == null) {
                            continue;
                        }
                        Map<String, Object> manifest = map(document);
                        String kind = String.valueOf(manifest.get("kind"));
                        assertThat(KINDS).as(file.getFileName() + ": a kind the test knows").containsKey(kind);
                        HasMetadata resource = JSON.convertValue(manifest, KINDS.get(kind));
                        // the model keeps fields it does not know aside: a misspelt or misplaced field fails here
                        assertThat(unknownFields(resource, kind)).as(file.getFileName() + ": fields the model does not know")
                                .isEmpty();
                        assertThat(resource.getApiVersion()).as(file.getFileName() + " " + kind)
                                .isEqualTo(HasMetadata.getApiVersion(KINDS.get(kind)));
                        resources.add(resource);
                    }
                }
            }
            assertThat(resources).isNotEmpty();
            return new Kubernetes(resources);
        }

        /** The paths of the fields fabric8 kept in an {@code additionalProperties} map, anywhere in the resource. */
        static List<String> unknownFields(Object value, String path) {
            List<String> unknown = new java.util.ArrayList<>();
            if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    unknown.addAll(unknownFields(items.get(i), path + "[" + i + "]"));
                }
            } else if (value instanceof Map<?, ?> entries) {
                entries.forEach((key, item) -> unknown.addAll(unknownFields(item, path + "." + key)));
            } else if (value != null && value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
                for (java.lang.reflect.Method getter : value.getClass().getMethods()) {
                    if (getter.getParameterCount() != 0 || getter.getDeclaringClass() == Object.class
                            || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                        continue;
                    }
                    Object field;
                    try {
                        field = getter.invoke(value);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                    if (getter.getName().equals("getAdditionalProperties")) {
                        if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                            extra.keySet().forEach(key -> unknown.add(path + "." + key));
                        }
                    } else if (!(value instanceof io.fabric8.kubernetes.api.model.Quantity)
                            && !(value instanceof io.fabric8.kubernetes.api.model.IntOrString)) {
                        unknown.addAll(unknownFields(field, path + "." + getter.getName()));
                    }
                }
            }
            return unknown;
        }

        <T extends HasMetadata> List<T> of(Class<T> type) {
            return resources.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T named(Class<T> type, String name) {
            List<T> found = of(type).stream().filter(r -> r.getMetadata().getName().equals(name)).toList();
            assertThat(found).as("one " + type.getSimpleName() + " " + name).hasSize(1);
            return found.getFirst();
        }
    }

    /** The port the gateway listens on ({@code listen 8080;}). */
    static int nginxPort() {
        return Integer.parseInt(matching(read(ROOT.resolve("deploy/nginx/nginx.conf")), "listen (\\d+);"));
    }

    static String matching(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }

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
