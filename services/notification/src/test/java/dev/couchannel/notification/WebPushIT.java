package dev.couchannel.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.booking.v1.BookingConfirmed;
import dev.couchannel.notification.push.Browser;
import dev.couchannel.notification.push.PushCrypto;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.platform.testing.TestClock;
import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.platform.testing.TestTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Web push end to end: a browser subscribes through the API, a booking event becomes an encrypted
 * push message with a VAPID token, delivered to a push service played by a local HTTP server (the
 * real ones are outside parties), which the browser decrypts; a push service that forgot the
 * browser ends the subscription.
 */
@SpringBootTest(
        classes = {NotificationApplication.class, TestClock.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=notification",
            "couchannel.notification.push.allow-insecure-endpoints=true",
            "couchannel.notification.push.poll-interval=100ms",
            "couchannel.notification.push.backoff=100ms",
            "couchannel.notification.facts.attempts=1"
        })
class WebPushIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** What the push service received: the body and the headers that matter. */
    record Delivery(byte[] body, Map<String, String> headers) {}

    static final BlockingQueue<Delivery> DELIVERED = new LinkedBlockingQueue<>();
    /** The status the push service answers with. */
    static final AtomicInteger ANSWER = new AtomicInteger(201);

    static final HttpServer PUSH_SERVICE = pushService();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification_push");
        registry.add("spring.grpc.client.channel.inventory.target", FakeFacts.INSTANCE::inventoryTarget);
        registry.add("spring.grpc.client.channel.hosting.target", FakeFacts.INSTANCE::hostingTarget);
    }

    @AfterAll
    static void stop() {
        PUSH_SERVICE.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    @Test
    void aConfirmedBookingReachesTheBrowserEncryptedAndSignedThenAForgottenSubscriptionEnds() throws Exception {
        String guest = "guest-" + UUID.randomUUID() + "@example.com";
        Browser browser = new Browser();
        String endpoint = "http://127.0.0.1:" + PUSH_SERVICE.getAddress().getPort() + "/push/" + UUID.randomUUID();
        Api.Response subscribed = api().post("/api/me/push-subscriptions", TestTokens.bearer(guest), """
                        {"endpoint": "%s", "expirationTime": null, "keys": {"p256dh": "%s", "auth": "%s"}}""".formatted(
                        endpoint, browser.p256dh(), browser.authSecret()));
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        assertThat(api().get("/api/me/push-subscriptions", TestTokens.bearer(guest))
                        .body())
                .contains(endpoint);
        String ourKey = api().get("/api/notifications/push/public-key", null)
                .json()
                .path("publicKey")
                .asString();

        ANSWER.set(201);
        CloudEvent confirmed = confirmed(UUID.randomUUID().toString(), guest);
        publish(confirmed, guest);

        Delivery delivery = DELIVERED.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(delivery).as("a push within " + WAIT).isNotNull();
        JsonNode message = Api.JSON.readTree(browser.decrypt(delivery.body()));
        assertThat(message.path("title").asString()).isEqualTo("You are in: Legia Warszawa vs Lech Poznań");
        assertThat(message.path("kind").asString()).isEqualTo("BOOKING_CONFIRMED");
        assertThat(message.path("link").asString()).startsWith("/sessions/");
        assertThat(delivery.headers())
                .containsEntry("content-encoding", "aes128gcm")
                .containsEntry("ttl", "86400");
        assertVapid(delivery.headers().get("authorization"), ourKey);
        await().atMost(WAIT).until(() -> pushes(guest, "SENT") == 1);

        // the same event again sends nothing more; then the push service has forgotten this
        // browser, and the next message ends the subscription (one key: one partition, in order)
        publish(confirmed, guest);
        ANSWER.set(410);
        publish(confirmed(UUID.randomUUID().toString(), guest), guest);
        await().atMost(WAIT).until(() -> api().get("/api/me/push-subscriptions", TestTokens.bearer(guest))
                .body()
                .equals("[]"));
        assertThat(DELIVERED.poll(1, TimeUnit.MILLISECONDS))
                .as("the 410 attempt")
                .isNotNull();
        assertThat(DELIVERED).isEmpty();
    }

    @Test
    void aSubscriptionABrowserCouldNotHaveSentIsAProblemNamingTheField() {
        String guest = "guest-" + UUID.randomUUID() + "@example.com";
        Browser browser = uncheckedBrowser();
        String key = browser.p256dh();
        String auth = browser.authSecret();
        Map<String, String> bodies = Map.of(
                "endpoint",
                        "{\"endpoint\": \"ftp://push.example.net/x\", \"keys\": {\"p256dh\": \"%s\", \"auth\": \"%s\"}}"
                                .formatted(key, auth),
                "keys.p256dh",
                        "{\"endpoint\": \"https://push.example.net/x\", \"keys\": {\"p256dh\": \"%s\", \"auth\": \"%s\"}}"
                                .formatted(PushCrypto.encode(new byte[65]), auth),
                "keys.auth",
                        "{\"endpoint\": \"https://push.example.net/x\", \"keys\": {\"p256dh\": \"%s\", \"auth\": \"AAAA\"}}"
                                .formatted(key));
        bodies.forEach((field, body) -> {
            Api.Response refused = api().post("/api/me/push-subscriptions", TestTokens.bearer(guest), body);
            assertThat(refused.status()).as(field).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("field").asString()).isEqualTo(field);
        });
        // a push service on another machine over plain http is refused even where localhost is allowed
        Api.Response insecure = api().post(
                        "/api/me/push-subscriptions",
                        TestTokens.bearer(guest),
                        "{\"endpoint\": \"http://push.example.net/x\", \"keys\": {\"p256dh\": \"%s\", \"auth\": \"%s\"}}"
                                .formatted(key, auth));
        assertThat(insecure.status()).isEqualTo(400);
        assertThat(api().delete(
                                "/api/me/push-subscriptions?endpoint=https://push.example.net/none",
                                TestTokens.bearer(guest))
                        .status())
                .isEqualTo(404);
        assertThat(api().post("/api/me/push-subscriptions", null, "{}").status())
                .isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM push_subscriptions WHERE user_id = :u")
                        .param("u", guest)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static void assertVapid(String authorization, String ourKey) throws Exception {
        assertThat(authorization).startsWith("vapid t=").endsWith(", k=" + ourKey);
        String token = authorization.substring("vapid t=".length(), authorization.indexOf(", k="));
        String[] parts = token.split("\\.");
        JsonNode claims = Api.JSON.readTree(new String(PushCrypto.decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(claims.path("aud").asString())
                .isEqualTo("http://127.0.0.1:" + PUSH_SERVICE.getAddress().getPort());
        assertThat(claims.path("exp").asLong())
                .isGreaterThan(Instant.now().getEpochSecond())
                .isLessThanOrEqualTo(Instant.now().plus(24, ChronoUnit.HOURS).getEpochSecond());
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(PushCrypto.publicKey(PushCrypto.decode(ourKey)));
        es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(PushCrypto.decode(parts[2]))).isTrue();
    }

    private long pushes(String guest, String status) {
        return jdbc.sql("""
                        SELECT count(*) FROM outbound_push p JOIN push_subscriptions s ON s.id = p.subscription_id
                        WHERE s.user_id = :u AND p.status = :status""")
                .param("u", guest)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    private static CloudEvent confirmed(String booking, String guest) {
        BookingConfirmed confirmed = BookingConfirmed.newBuilder()
                .setBookingId(booking)
                .setSessionId(FakeFacts.INSTANCE.session(
                        Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES)))
                .setGuestId(guest)
                .setSeats(2)
                .build();
        return ProtobufEvents.wrap("test", booking, confirmed, Instant.now());
    }

    private void publish(CloudEvent event, String key) {
        var record = KafkaCloudEvents.toRecord(Topics.BOOKING_EVENTS, event);
        kafka.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                record.topic(), null, key, record.value(), record.headers()));
    }

    private static Browser uncheckedBrowser() {
        try {
            return new Browser();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer pushService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/push/", exchange -> {
                try (exchange) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    Map<String, String> headers = new java.util.HashMap<>();
                    exchange.getRequestHeaders()
                            .forEach((name, values) ->
                                    headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
                    DELIVERED.add(new Delivery(body, headers));
                    exchange.sendResponseHeaders(ANSWER.get(), -1);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
