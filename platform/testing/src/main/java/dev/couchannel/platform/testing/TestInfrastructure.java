package dev.couchannel.platform.testing;

import dev.couchannel.platform.embedded.EmbeddedInfrastructure;
import dev.couchannel.platform.embedded.OpenSearchNode;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL, Kafka, Redis, SMTP and S3 servers of a test JVM: started on first use, shared by
 * every test class of the JVM, stopped by a shutdown hook. Each service gets its own database.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     TestInfrastructure.register(registry, "booking");
 * }
 * }</pre>
 */
public final class TestInfrastructure {

    private static EmbeddedInfrastructure infrastructure;
    private static OpenSearchNode openSearch;

    private TestInfrastructure() {}

    /** The servers, started once per JVM. */
    public static synchronized EmbeddedInfrastructure get() {
        if (infrastructure == null) {
            EmbeddedInfrastructure started = EmbeddedInfrastructure.start(EmbeddedInfrastructure.Settings.forTests());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-infrastructure-stop"));
            infrastructure = started;
        }
        return infrastructure;
    }

    /**
     * A real OpenSearch node (a child JVM), started on first use and shared by every test class of the JVM; only the
     * tests of services that need one (search) pay for it.
     */
    public static synchronized OpenSearchNode openSearch() {
        if (openSearch == null) {
            openSearch = OpenSearchNode.start(null, 0);
        }
        return openSearch;
    }

    /**
     * Points a Spring Boot service at the shared servers, with a database of its own named {@code database}, and
     * makes it trust {@link TestTokens}.
     */
    public static void register(DynamicPropertyRegistry registry, String database) {
        EmbeddedInfrastructure servers = get();
        servers.postgres().createDatabaseIfMissing(database);
        registry.add("spring.datasource.url", () -> servers.postgres().jdbcUrl(database));
        registry.add("spring.datasource.username", () -> servers.postgres().username());
        registry.add("spring.datasource.password", () -> servers.postgres().password());
        registry.add("spring.kafka.bootstrap-servers", () -> servers.kafka().bootstrapServers());
        registry.add("spring.data.redis.port", () -> servers.redis().port());
        registry.add("spring.mail.port", () -> servers.smtp().port());
        // hosting's venue photos (ADR 15); other services do not read these
        registry.add("couchannel.hosting.photos.s3.endpoint", () -> servers.s3().endpoint());
        registry.add("couchannel.hosting.photos.s3.region", () -> servers.s3().region());
        registry.add(
                "couchannel.hosting.photos.s3.access-key", () -> servers.s3().accessKey());
        registry.add(
                "couchannel.hosting.photos.s3.secret-key", () -> servers.s3().secretKey());
        registry.add("COUCHANNEL_LOG_FORMAT", () -> "plain");
        TestTokens.register(registry);
    }
}
