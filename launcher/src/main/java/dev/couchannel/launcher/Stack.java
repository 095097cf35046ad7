package dev.couchannel.launcher;

import dev.couchannel.analytics.AnalyticsApplication;
import dev.couchannel.booking.BookingApplication;
import dev.couchannel.compliance.ComplianceApplication;
import dev.couchannel.gateway.GatewayApplication;
import dev.couchannel.hosting.HostingApplication;
import dev.couchannel.identity.IdentityApplication;
import dev.couchannel.inventory.InventoryApplication;
import dev.couchannel.notification.NotificationApplication;
import dev.couchannel.payment.PaymentApplication;
import dev.couchannel.platform.embedded.EmbeddedInfrastructure;
import dev.couchannel.platform.embedded.Mailbox;
import dev.couchannel.platform.embedded.OpenSearchNode;
import dev.couchannel.platform.embedded.Ports;
import dev.couchannel.platform.service.ServiceClock;
import dev.couchannel.pricing.PricingApplication;
import dev.couchannel.recommendation.RecommendationApplication;
import dev.couchannel.review.ReviewApplication;
import dev.couchannel.search.SearchApplication;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

/**
 * The whole of couchannel in one JVM: the embedded infrastructure, then every service as its own
 * Spring application context (own config file, own database, own port), then the gateway routed to
 * them. Closing it stops the services first, then the servers; nothing is left running.
 */
public final class Stack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Stack.class);

    private final EmbeddedInfrastructure infrastructure;
    private final Mailbox mailbox;
    private final CompletableFuture<OpenSearchNode> openSearch;
    private final Map<String, ConfigurableApplicationContext> services;
    private boolean closed;

    private Stack(
            EmbeddedInfrastructure infrastructure,
            Mailbox mailbox,
            CompletableFuture<OpenSearchNode> openSearch,
            Map<String, ConfigurableApplicationContext> services) {
        this.infrastructure = infrastructure;
        this.mailbox = mailbox;
        this.openSearch = openSearch;
        this.services = services;
    }

    /** Starts everything and returns once every service has started (readiness is checked by the caller). */
    public static Stack start(StackConfig config) {
        // PostgreSQL and Redis may be our own orphans from a killed run: the servers reuse or stop those
        config.ports().forEach((name, port) -> {
            if (port != 0 && !name.equals("postgres") && !name.equals("redis")) {
                Ports.requireFree(port, name, StackConfig.variable(name));
            }
        });

        // one time for every service of this stack (a test's movable clock, or the system's)
        ServiceClock.use(config.clock());
        // search's OpenSearch node is a JVM of its own (ADR 14): it boots while the rest starts
        CompletableFuture<OpenSearchNode> openSearch = CompletableFuture.supplyAsync(() -> OpenSearchNode.start(
                config.dataDir() == null ? null : config.dataDir().resolve("opensearch"), config.port("opensearch")));
        EmbeddedInfrastructure infrastructure;
        try {
            infrastructure = EmbeddedInfrastructure.start(new EmbeddedInfrastructure.Settings(
                    config.dataDir(),
                    config.port("postgres"),
                    config.port("kafka"),
                    config.port("redis"),
                    config.port("smtp"),
                    config.fast()));
        } catch (RuntimeException e) {
            stopQuietly(openSearch);
            throw e;
        }
        Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
        Mailbox mailbox;
        try {
            mailbox = Mailbox.start(infrastructure.smtp(), config.port("mailbox"));
        } catch (RuntimeException e) {
            infrastructure.close();
            stopQuietly(openSearch);
            throw e;
        }
        try {
            for (String database : List.of(
                    "identity",
                    "hosting",
                    "inventory",
                    "pricing",
                    "compliance",
                    "payment",
                    "booking",
                    "notification",
                    "review",
                    "analytics")) {
                infrastructure.postgres().createDatabaseIfMissing(database);
            }
            // identity's issuer is the gateway's public URL (ADR 12), and the gateway starts last:
            // its port is fixed up front (a free one when "any port")
            int gatewayPort = config.port("gateway") == 0 ? Ports.free() : config.port("gateway");
            String issuer = "http://localhost:" + gatewayPort;
            services.put(
                    "identity",
                    IdentityApplication.start(withArgs(
                            serviceArgs(config, infrastructure, "identity", config.port("identity"), issuer, null),
                            "--couchannel.identity.issuer=" + issuer,
                            "--spring.grpc.server.port=" + config.port("identity-grpc"),
                            // the launcher runs locally only: scripts and tests may ask for tokens directly
                            "--couchannel.identity.local-tokens.enabled=true")));
            URI jwks = baseUrl(services.get("identity")).resolve("/oauth2/jwks");
            // One after the other: Spring Boot's logging set-up is not safe for contexts starting in parallel.
            services.put(
                    "hosting",
                    HostingApplication.start(withArgs(
                            serviceArgs(config, infrastructure, "hosting", config.port("hosting"), issuer, jwks),
                            "--spring.grpc.server.port=" + config.port("hosting-grpc"),
                            // venue photos in the embedded S3 server, under the data dir (ADR 15)
                            "--couchannel.hosting.photos.s3.endpoint="
                                    + infrastructure.s3().endpoint(),
                            "--couchannel.hosting.photos.s3.region="
                                    + infrastructure.s3().region(),
                            "--couchannel.hosting.photos.s3.access-key="
                                    + infrastructure.s3().accessKey(),
                            "--couchannel.hosting.photos.s3.secret-key="
                                    + infrastructure.s3().secretKey())));
            // inventory asks compliance when a host publishes, compliance reads sessions from inventory:
            // compliance starts later, so its gRPC port is fixed up front (a free one when "any port")
            int complianceGrpcPort =
                    config.port("compliance-grpc") == 0 ? Ports.free() : config.port("compliance-grpc");
            services.put(
                    "inventory",
                    InventoryApplication.start(withArgs(
                            serviceArgs(config, infrastructure, "inventory", config.port("inventory"), issuer, jwks),
                            "--spring.grpc.server.port=" + config.port("inventory-grpc"),
                            "--spring.grpc.client.channel.hosting.target=" + grpcTarget(services.get("hosting")),
                            "--spring.grpc.client.channel.compliance.target=static://localhost:"
                                    + complianceGrpcPort)));
            String[] readModels = {
                "--spring.grpc.client.channel.inventory.target=" + grpcTarget(services.get("inventory")),
                "--spring.grpc.client.channel.hosting.target=" + grpcTarget(services.get("hosting"))
            };
            services.put(
                    "pricing",
                    PricingApplication.start(withArgs(
                            withArgs(
                                    serviceArgs(
                                            config, infrastructure, "pricing", config.port("pricing"), issuer, jwks),
                                    "--spring.grpc.server.port=" + config.port("pricing-grpc")),
                            readModels)));
            services.put(
                    "compliance",
                    ComplianceApplication.start(withArgs(
                            withArgs(
                                    serviceArgs(
                                            config,
                                            infrastructure,
                                            "compliance",
                                            config.port("compliance"),
                                            issuer,
                                            jwks),
                                    "--spring.grpc.server.port=" + complianceGrpcPort),
                            readModels)));
            services.put(
                    "payment",
                    PaymentApplication.start(
                            serviceArgs(config, infrastructure, "payment", config.port("payment"), issuer, jwks)));
            services.put(
                    "booking",
                    BookingApplication.start(withArgs(
                            serviceArgs(config, infrastructure, "booking", config.port("booking"), issuer, jwks),
                            "--spring.grpc.client.channel.inventory.target=" + grpcTarget(services.get("inventory")))));

            services.put(
                    "notification",
                    NotificationApplication.start(withArgs(
                            withArgs(
                                    serviceArgs(
                                            config,
                                            infrastructure,
                                            "notification",
                                            config.port("notification"),
                                            issuer,
                                            jwks),
                                    // links in mails point at the public gateway
                                    "--couchannel.notification.public-url=" + issuer),
                            readModels)));
            services.put(
                    "search",
                    SearchApplication.start(withArgs(
                            serviceArgs(config, infrastructure, "search", config.port("search"), issuer, jwks),
                            "--couchannel.search.opensearch.url="
                                    + openSearchNode(openSearch).url())));
            services.put(
                    "review",
                    ReviewApplication.start(withArgs(
                            serviceArgs(config, infrastructure, "review", config.port("review"), issuer, jwks),
                            "--spring.grpc.server.port=" + config.port("review-grpc"),
                            "--spring.grpc.client.channel.inventory.target=" + grpcTarget(services.get("inventory")))));
            services.put(
                    "analytics",
                    AnalyticsApplication.start(withArgs(
                            serviceArgs(config, infrastructure, "analytics", config.port("analytics"), issuer, jwks),
                            // the links in survey mails point at the public gateway
                            "--couchannel.analytics.surveys.public-url=" + issuer)));
            services.put(
                    "recommendation",
                    RecommendationApplication.start(serviceArgs(
                            config, infrastructure, "recommendation", config.port("recommendation"), issuer, jwks)));

            List<String> gatewayArgs = new ArrayList<>(common());
            gatewayArgs.add("--server.port=" + gatewayPort);
            gatewayArgs.addAll(trust(issuer, jwks));
            gatewayArgs.add("--spring.data.redis.port=" + infrastructure.redis().port());
            gatewayArgs.add("--couchannel.gateway.routes.identity=" + baseUrl(services.get("identity")));
            config.properties().forEach((name, value) -> gatewayArgs.add("--" + name + "=" + value));
            gatewayArgs.add("--couchannel.gateway.routes.inventory=" + baseUrl(services.get("inventory")));
            gatewayArgs.add("--couchannel.gateway.routes.booking=" + baseUrl(services.get("booking")));
            gatewayArgs.add("--couchannel.gateway.routes.hosting=" + baseUrl(services.get("hosting")));
            gatewayArgs.add("--couchannel.gateway.routes.payment=" + baseUrl(services.get("payment")));
            gatewayArgs.add("--couchannel.gateway.routes.pricing=" + baseUrl(services.get("pricing")));
            gatewayArgs.add("--couchannel.gateway.routes.compliance=" + baseUrl(services.get("compliance")));
            gatewayArgs.add("--couchannel.gateway.routes.notification=" + baseUrl(services.get("notification")));
            gatewayArgs.add("--couchannel.gateway.routes.search=" + baseUrl(services.get("search")));
            gatewayArgs.add("--spring.grpc.client.channel.inventory.target=" + grpcTarget(services.get("inventory")));
            gatewayArgs.add("--spring.grpc.client.channel.hosting.target=" + grpcTarget(services.get("hosting")));
            gatewayArgs.add("--spring.grpc.client.channel.pricing.target=" + grpcTarget(services.get("pricing")));
            gatewayArgs.add("--couchannel.gateway.routes.review=" + baseUrl(services.get("review")));
            gatewayArgs.add("--spring.grpc.client.channel.review.target=" + grpcTarget(services.get("review")));
            gatewayArgs.add("--spring.grpc.client.channel.identity.target=" + grpcTarget(services.get("identity")));
            gatewayArgs.add("--couchannel.gateway.routes.analytics=" + baseUrl(services.get("analytics")));
            gatewayArgs.add("--couchannel.gateway.routes.recommendation=" + baseUrl(services.get("recommendation")));
            services.put("gateway", GatewayApplication.start(gatewayArgs.toArray(String[]::new)));
            return new Stack(infrastructure, mailbox, openSearch, services);
        } catch (RuntimeException e) {
            new Stack(infrastructure, mailbox, openSearch, services).close();
            throw e;
        }
    }

    private static OpenSearchNode openSearchNode(CompletableFuture<OpenSearchNode> node) {
        try {
            return node.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void stopQuietly(CompletableFuture<OpenSearchNode> node) {
        node.thenAccept(OpenSearchNode::close).exceptionally(failure -> null).join();
    }

    private static List<String> serviceArgList(
            StackConfig config,
            EmbeddedInfrastructure infrastructure,
            String database,
            int port,
            String issuer,
            @Nullable URI jwks) {
        List<String> args = new ArrayList<>(common());
        args.add("--server.port=" + port);
        args.addAll(trust(issuer, jwks));
        args.add("--spring.datasource.url=" + infrastructure.postgres().jdbcUrl(database));
        args.add("--spring.datasource.username=" + infrastructure.postgres().username());
        args.add("--spring.datasource.password=" + infrastructure.postgres().password());
        args.add("--spring.kafka.bootstrap-servers=" + infrastructure.kafka().bootstrapServers());
        args.add("--spring.data.redis.port=" + infrastructure.redis().port());
        args.add("--spring.mail.port=" + infrastructure.smtp().port());
        args.add("--couchannel.demo.enabled=" + config.demoData());
        config.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
        return args;
    }

    private static String[] serviceArgs(
            StackConfig config,
            EmbeddedInfrastructure infra,
            String name,
            int port,
            String issuer,
            @Nullable URI jwks) {
        return serviceArgList(config, infra, name, port, issuer, jwks).toArray(String[]::new);
    }

    /**
     * Which tokens a service accepts (ADR 12): identity's public issuer, its keys from identity's own port; and
     * where the service gets its own token for the gRPC calls it makes.
     */
    private static List<String> trust(String issuer, @Nullable URI jwks) {
        List<String> args = new ArrayList<>(List.of("--couchannel.security.issuer=" + issuer));
        if (jwks != null) {
            args.add("--couchannel.security.jwk-set-uri=" + jwks);
            // the service's own client-credentials token for gRPC, from identity's internal port as the keys
            args.add("--couchannel.security.client.token-uri=" + jwks.resolve("/oauth2/token"));
        }
        return args;
    }

    private static String grpcTarget(ConfigurableApplicationContext context) {
        return "static://localhost:"
                + context.getBean(GrpcServerLifecycle.class).getPort();
    }

    private static String[] withArgs(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Settings of every context the launcher starts: it closes them itself, in order, and logs for humans. */
    private static List<String> common() {
        return List.of(
                "--spring.main.register-shutdown-hook=false",
                "--COUCHANNEL_LOG_FORMAT=" + System.getenv().getOrDefault("COUCHANNEL_LOG_FORMAT", "plain"),
                "--logging.level.org.apache.kafka=WARN",
                "--logging.level.kafka=WARN",
                "--logging.level.state.change.logger=WARN",
                "--spring.main.banner-mode=off",
                // Boot names the first context's application on every log line of the JVM: misleading here
                "--logging.include-application-name=false");
    }

    private static URI baseUrl(ConfigurableApplicationContext context) {
        return URI.create("http://localhost:" + port(context));
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    public URI gateway() {
        return baseUrl(services.get("gateway"));
    }

    /** The base URL of each service, in start order. */
    public Map<String, URI> serviceUrls() {
        Map<String, URI> urls = new LinkedHashMap<>();
        services.forEach((name, context) -> urls.put(name, baseUrl(context)));
        return urls;
    }

    /** A running service's application context, for tests that need to reach inside. */
    public ConfigurableApplicationContext service(String name) {
        return services.get(name);
    }

    public <T> T bean(String service, Class<T> type) {
        return service(service).getBean(type);
    }

    public EmbeddedInfrastructure infrastructure() {
        return infrastructure;
    }

    /** The developer's mailbox: every mail the stack sent, in a browser. */
    public URI mailbox() {
        return URI.create("http://localhost:" + mailbox.port());
    }

    /** Stops the gateway, then the services, then the servers. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<String> names = new ArrayList<>(services.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            String name = names.get(i);
            try {
                services.get(name).close();
            } catch (RuntimeException e) {
                log.warn("{} did not stop cleanly", name, e);
            }
        }
        mailbox.close();
        stopQuietly(openSearch);
        infrastructure.close();
    }
}
