package dev.couchannel.launcher;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the local stack keeps its data and which ports it uses.
 *
 * @param dataDir persistent data of PostgreSQL, Kafka and Redis; null for a throwaway stack (tests)
 * @param fast trade durability for speed (tests)
 * @param properties settings given to every service, e.g. a short saga step timeout for a test
 */
public record StackConfig(
        @Nullable Path dataDir,
        int gatewayPort,
        int inventoryPort,
        int inventoryGrpcPort,
        int bookingPort,
        int hostingPort,
        int hostingGrpcPort,
        int paymentPort,
        int pricingPort,
        int pricingGrpcPort,
        int compliancePort,
        int complianceGrpcPort,
        int identityPort,
        int searchPort,
        int openSearchPort,
        int postgresPort,
        int kafkaPort,
        int redisPort,
        int smtpPort,
        boolean demoData,
        boolean fast,
        Map<String, String> properties) {

    public StackConfig {
        properties = Map.copyOf(properties);
    }

    /** This configuration with {@code name=value} given to every service as well. */
    public StackConfig with(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(properties);
        more.put(name, value);
        return new StackConfig(
                dataDir,
                gatewayPort,
                inventoryPort,
                inventoryGrpcPort,
                bookingPort,
                hostingPort,
                hostingGrpcPort,
                paymentPort,
                pricingPort,
                pricingGrpcPort,
                compliancePort,
                complianceGrpcPort,
                identityPort,
                searchPort,
                openSearchPort,
                postgresPort,
                kafkaPort,
                redisPort,
                smtpPort,
                demoData,
                fast,
                more);
    }

    /** The ports of {@code ./couchannel up}, each overridable by its environment variable. */
    public static StackConfig fromEnvironment(Path dataDir, Map<String, String> env) {
        return new StackConfig(
                dataDir,
                port(env, "COUCHANNEL_GATEWAY_PORT", 8080),
                port(env, "COUCHANNEL_INVENTORY_PORT", 8081),
                port(env, "COUCHANNEL_INVENTORY_GRPC_PORT", 9081),
                port(env, "COUCHANNEL_BOOKING_PORT", 8082),
                port(env, "COUCHANNEL_HOSTING_PORT", 8083),
                port(env, "COUCHANNEL_HOSTING_GRPC_PORT", 9083),
                port(env, "COUCHANNEL_PAYMENT_PORT", 8084),
                port(env, "COUCHANNEL_PRICING_PORT", 8085),
                port(env, "COUCHANNEL_PRICING_GRPC_PORT", 9085),
                port(env, "COUCHANNEL_COMPLIANCE_PORT", 8086),
                port(env, "COUCHANNEL_COMPLIANCE_GRPC_PORT", 9086),
                port(env, "COUCHANNEL_IDENTITY_PORT", 8089),
                port(env, "COUCHANNEL_SEARCH_PORT", 8088),
                port(env, "COUCHANNEL_OPENSEARCH_PORT", 19200),
                port(env, "COUCHANNEL_POSTGRES_PORT", 15432),
                port(env, "COUCHANNEL_KAFKA_PORT", 19092),
                port(env, "COUCHANNEL_REDIS_PORT", 16379),
                port(env, "COUCHANNEL_SMTP_PORT", 2525),
                !"false".equalsIgnoreCase(env.getOrDefault("COUCHANNEL_DEMO_DATA", "true")),
                false,
                Map.of());
    }

    /** Any free ports, temp directories, demo data: what a system test wants. */
    public static StackConfig forTests(@Nullable Path dataDir) {
        return new StackConfig(
                dataDir,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                true,
                true,
                // system tests send hundreds of requests from one address in seconds; the gateway's own
                // tests cover the limits
                Map.of(
                        "couchannel.gateway.rate-limits.per-ip", "1000000",
                        "couchannel.gateway.rate-limits.per-user", "1000000",
                        "couchannel.gateway.rate-limits.booking-per-user", "1000000",
                        "couchannel.gateway.rate-limits.login-per-ip", "1000000"));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a port number (0-65535)");
        }
    }
}
