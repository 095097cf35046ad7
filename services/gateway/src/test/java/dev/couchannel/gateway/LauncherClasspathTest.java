package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * In the launcher the gateway shares its classpath with services that use JDBC, Flyway and Kafka
 * (all on this module's test classpath too). Started the way {@code main} starts it, it must
 * still come up without a database or a broker, reading {@code gateway.yml}.
 */
class LauncherClasspathTest {

    @Test
    void startsBesideJdbcFlywayAndKafkaWithoutUsingThem() throws Exception {
        assertThat(List.of(
                        "org.postgresql.Driver",
                        "com.zaxxer.hikari.HikariDataSource",
                        "org.flywaydb.core.Flyway",
                        "org.springframework.kafka.core.KafkaTemplate"))
                .allSatisfy(type -> assertThat(ClassUtils.isPresent(type, null))
                        .as(type + " on the classpath")
                        .isTrue());

        try (ConfigurableApplicationContext gateway = GatewayApplication.start(
                "--server.port=0",
                "--COUCHANNEL_LOG_FORMAT=plain",
                "--couchannel.gateway.routes.booking=" + FakeService.unreachable(),
                "--couchannel.gateway.routes.inventory=" + FakeService.unreachable())) {

            assertThat(gateway.getEnvironment().getProperty("spring.application.name"))
                    .isEqualTo("gateway");
            assertThat(gateway.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
            assertThat(gateway.getBeanNamesForType(org.flywaydb.core.Flyway.class))
                    .isEmpty();
            assertThat(gateway.getBeanNamesForType(org.springframework.kafka.core.KafkaTemplate.class))
                    .isEmpty();
            assertThat(gateway.getBeanNamesForType(org.springframework.kafka.core.KafkaAdmin.class))
                    .isEmpty();

            int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            HttpResponse<String> liveness = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(liveness.body()).doesNotContain("db").doesNotContain("kafka");

            // an exclusion naming a class that no longer exists would silently exclude nothing
            List<String> excluded = Binder.get(gateway.getEnvironment())
                    .bind("spring.autoconfigure.exclude", Bindable.listOf(String.class))
                    .get();
            assertThat(excluded).hasSizeGreaterThan(3).allSatisfy(type -> assertThat(ClassUtils.isPresent(type, null))
                    .as(type)
                    .isTrue());
        }
    }
}
