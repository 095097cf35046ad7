package dev.couchannel.notification.push;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web push (RFC 8030): the browsers that subscribed, and the messages queued for them. A message
 * becomes one {@code outbound_push} row per subscription of the user, in the caller's
 * transaction, keyed so that a repeated event queues nothing; {@link PushDelivery} sends them.
 */
@Component
public class WebPush {

    /** What a push shows: the in-app entry's title, text and link, and its kind. */
    public record Message(String title, String body, String link, String kind) {}

    /** A browser's subscription, as {@code PushSubscription.toJSON()} gives it. */
    public record Subscription(UUID id, String userId, URI endpoint, String p256dh, String auth) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean allowInsecureEndpoints;
    private final JsonMapper json = JsonMapper.builder().build();

    WebPush(
            JdbcClient jdbc,
            Clock clock,
            @Value("${couchannel.notification.push.allow-insecure-endpoints:false}") boolean allowInsecureEndpoints) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.allowInsecureEndpoints = allowInsecureEndpoints;
    }

    /** Queues {@code message} for every browser of {@code user}. */
    public void enqueue(String user, String dedupeKey, Message message) {
        String payload = json.writeValueAsString(message);
        jdbc.sql("""
                        INSERT INTO outbound_push (id, dedupe_key, subscription_id, payload, status, next_attempt_at,
                            created_at)
                        SELECT gen_random_uuid(), :key || ':' || s.id, s.id, :payload, 'PENDING', :now, :now
                        FROM push_subscriptions s WHERE s.user_id = :user
                        ON CONFLICT (dedupe_key) DO NOTHING""")
                .param("key", dedupeKey)
                .param("payload", payload)
                .param("now", Timestamp.from(clock.instant()))
                .param("user", user)
                .update();
    }

    /**
     * Stores a subscription (again: the same endpoint moves to the caller, with its new keys).
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public Subscription subscribe(String user, String endpoint, String p256dh, String auth) {
        URI url = endpoint(endpoint);
        byte[] key = field("keys.p256dh", () -> PushCrypto.decode(p256dh));
        field("keys.p256dh", () -> PushCrypto.publicKey(key));
        byte[] secret = field("keys.auth", () -> PushCrypto.decode(auth));
        if (secret.length != 16) {
            throw new InvalidSubscription("keys.auth", "keys.auth must be 16 bytes, base64url-encoded.");
        }
        UUID id = jdbc.sql("""
                        INSERT INTO push_subscriptions (id, user_id, endpoint, p256dh, auth, created_at)
                        VALUES (:id, :user, :endpoint, :p256dh, :auth, :now)
                        ON CONFLICT (endpoint) DO UPDATE SET user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh,
                            auth = EXCLUDED.auth
                        RETURNING id""")
                .param("id", UUID.randomUUID())
                .param("user", user)
                .param("endpoint", url.toString())
                .param("p256dh", PushCrypto.encode(key))
                .param("auth", PushCrypto.encode(secret))
                .param("now", Timestamp.from(clock.instant()))
                .query(UUID.class)
                .single();
        return new Subscription(id, user, url, PushCrypto.encode(key), PushCrypto.encode(secret));
    }

    /** Ends the caller's subscription of {@code endpoint}; false when they had none. */
    public boolean unsubscribe(String user, String endpoint) {
        return jdbc.sql("DELETE FROM push_subscriptions WHERE user_id = :user AND endpoint = :endpoint")
                        .param("user", user)
                        .param("endpoint", endpoint)
                        .update()
                > 0;
    }

    public List<Subscription> subscriptions(String user) {
        return jdbc.sql("""
                        SELECT id, user_id, endpoint, p256dh, auth FROM push_subscriptions
                        WHERE user_id = :user ORDER BY created_at""")
                .param("user", user)
                .query((rs, n) -> new Subscription(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        URI.create(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    /** A push service's URL: https (http on loopback only where allowed), no credentials, no fragment. */
    private URI endpoint(String endpoint) {
        Optional<URI> url = Optional.ofNullable(endpoint).flatMap(text -> {
            try {
                return Optional.of(URI.create(text));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
        boolean valid = url.filter(uri -> uri.getHost() != null
                        && uri.getRawUserInfo() == null
                        && uri.getRawFragment() == null
                        && endpoint.length() <= 2048)
                .filter(uri -> "https".equals(uri.getScheme())
                        || (allowInsecureEndpoints && "http".equals(uri.getScheme()) && loopback(uri)))
                .isPresent();
        if (!valid) {
            throw new InvalidSubscription(
                    "endpoint",
                    "endpoint must be the https URL of the browser's push service, as the browser gave it.");
        }
        return url.orElseThrow();
    }

    private static boolean loopback(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    private static <T> T field(String name, java.util.function.Supplier<T> decode) {
        try {
            return decode.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidSubscription(name, name + " must be the browser's base64url-encoded P-256 key or secret.");
        }
    }

    /** A subscription the browser could not have sent; {@code field} says what to fix. */
    public static final class InvalidSubscription extends IllegalArgumentException {
        private final String field;

        InvalidSubscription(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
