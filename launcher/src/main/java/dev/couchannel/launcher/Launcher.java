package dev.couchannel.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * {@code ./couchannel up}: starts the whole stack on embedded infrastructure with persistent data
 * under {@code .couchannel/}, waits until every service is ready, prints where everything is, and
 * runs until Ctrl-C (or {@code ./couchannel down}), which stops everything it started.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        quietInfrastructureLogs();
        Path home = Path.of(args.length > 0 ? args[0] : ".couchannel").toAbsolutePath();
        Files.createDirectories(home);
        long started = System.nanoTime();
        StackConfig config;
        Stack stack;
        try {
            config = StackConfig.fromEnvironment(home.resolve("data"), System.getenv());
            stack = Stack.start(config);
        } catch (RuntimeException e) {
            System.err.println();
            Throwable cause = Stack.rootCause(e);
            System.err.println("couchannel could not start: " + cause.getMessage());
            if (System.getenv("COUCHANNEL_DEBUG") != null) {
                e.printStackTrace();
            } else {
                System.err.println("(COUCHANNEL_DEBUG=1 ./couchannel up shows the stack trace)");
            }
            System.exit(1);
            return;
        }
        // Our hook stops the services first and the servers after them; theirs would race it.
        stack.infrastructure().stopOnlyWhenClosed();
        CountDownLatch stopped = new CountDownLatch(1);
        Path pidFile = home.resolve("launcher.pid");
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("couchannel: stopping...");
                            stack.close();
                            deleteQuietly(pidFile);
                            System.out.println("couchannel: stopped.");
                            stopped.countDown();
                        },
                        "couchannel-stop"));
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));

        if (!awaitReady(stack.gateway().resolve("/readinessz"), Duration.ofMinutes(2))) {
            System.err.println(
                    "couchannel: started, but the gateway is not ready yet: see " + stack.gateway() + "/readinessz");
        }
        System.out.println(banner(stack, config, Duration.ofNanos(System.nanoTime() - started)));
        stopped.await();
    }

    static String banner(Stack stack, StackConfig config, Duration took) {
        URI gateway = stack.gateway();
        Map<String, URI> services = stack.serviceUrls();
        var infra = stack.infrastructure();
        StringBuilder text = new StringBuilder();
        text.append("\n  couchannel is up (%.1f s)\n\n".formatted(took.toMillis() / 1000.0));
        text.append("  web app          %s/\n".formatted(gateway));
        text.append("  API (gateway)    %s/api/sessions\n".formatted(gateway));
        text.append("  API docs         %s/api/docs   (OpenAPI: %s/api/openapi.json)\n".formatted(gateway, gateway));
        text.append("  health           %s/healthz   %s/readinessz\n".formatted(gateway, gateway));
        text.append(
                "  sign in          %s/bff/login   (demo: guest@example.com, host@example.com, ".formatted(gateway));
        text.append("admin@example.com; password couchannel)\n");
        text.append("  OIDC discovery   %s/.well-known/openid-configuration\n".formatted(gateway));
        services.forEach((name, url) -> {
            if (!"gateway".equals(name)) {
                text.append("  %-16s %s   (metrics: %s/actuator/prometheus)\n".formatted(name, url, url));
            }
        });
        text.append("  PostgreSQL       %s  (user %s)\n"
                .formatted(
                        infra.postgres()
                                .jdbcUrl(
                                        "{identity,hosting,inventory,pricing,compliance,payment,booking,notification,review,analytics}"),
                        infra.postgres().username()));
        text.append("  Kafka            %s\n".formatted(infra.kafka().bootstrapServers()));
        text.append("  Redis            localhost:%d\n".formatted(infra.redis().port()));
        text.append("  mailbox          %s   (every mail sent; SMTP on localhost:%d)\n"
                .formatted(stack.mailbox(), infra.smtp().port()));
        text.append("  data             %s\n\n".formatted(config.dataDir()));
        text.append("  Try:  curl -s %s/api/sessions\n".formatted(gateway));
        text.append("        curl -s '%s/api/search/sessions?q=arsenl&lat=51.5&lon=-0.12&radiusKm=50'\n"
                .formatted(gateway));
        text.append(
                "        curl -s -H \"Authorization: Bearer $(./couchannel token guest@example.com)\" %s/api/bookings\n"
                        .formatted(gateway));
        text.append("  Stop: Ctrl-C (or ./couchannel down)\n");
        return text.toString();
    }

    /** Polls until the URL answers 200; false when the time is up. */
    static boolean awaitReady(URI url, Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(url)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** Before Spring configures logging, the embedded Kafka and PostgreSQL would log every detail. */
    private static void quietInfrastructureLogs() {
        for (String name :
                new String[] {"org.apache.kafka", "kafka", "state.change.logger", "io.zonky", "org.eclipse.jetty"}) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next start overwrites it
        }
    }
}
