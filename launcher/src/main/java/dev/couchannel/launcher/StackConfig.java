package dev.couchannel.launcher;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the local stack keeps its data and which ports it uses.
 *
 * @param dataDir persistent data of PostgreSQL, Kafka and Redis; null for a throwaway stack (tests)
 * @param ports every port by name (see {@link #DEFAULT_PORTS}); 0 for any free one
 * @param fast trade durability for speed (tests)
 * @param properties settings given to every service, e.g. a short saga step timeout for a test
 * @param clock the time every service decides by (the system's; a test may move one of its own, see {@code
 *     ServiceClock})
 */
public record StackConfig(
        @Nullable Path dataDir,
        Map<String, Integer> ports,
        boolean demoData,
        boolean fast,
        Map<String, String> properties,
        Clock clock) {

    /**
     * The ports of {@code ./couchannel up}, in start order, each overridable by its environment variable
     * ({@link #variable}: {@code inventory-grpc} → {@code COUCHANNEL_INVENTORY_GRPC_PORT}).
     */
    public static final Map<String, Integer> DEFAULT_PORTS = ordered(
            "gateway", 8080,
            "inventory", 8081,
            "inventory-grpc", 9081,
            "booking", 8082,
            "hosting", 8083,
            "hosting-grpc", 9083,
            "payment", 8084,
            "pricing", 8085,
            "pricing-grpc", 9085,
            "compliance", 8086,
            "compliance-grpc", 9086,
            "notification", 8087,
            "search", 8088,
            // search's OpenSearch node, a JVM of its own (ADR 14)
            "opensearch", 19200,
            "identity", 8089,
            "identity-grpc", 9089,
            "review", 8091,
            "review-grpc", 9091,
            "analytics", 8092,
            "recommendation", 8093,
            "postgres", 15432,
            "kafka", 19092,
            "redis", 16379,
            "smtp", 2525,
            // the developer's mailbox: every mail the stack sent, in a browser
            "mailbox", 8025);

    public StackConfig {
        Map<String, Integer> all = new LinkedHashMap<>();
        for (String name : DEFAULT_PORTS.keySet()) {
            Integer port = ports.get(name);
            if (port == null) {
                throw new IllegalArgumentException("no port given for " + name);
            }
            all.put(name, port);
        }
        ports = Collections.unmodifiableMap(all);
        properties = Map.copyOf(properties);
    }

    /** The port called {@code name} in {@link #DEFAULT_PORTS}; 0 for any free one. */
    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("the stack has no port called " + name);
        }
        return port;
    }

    /** The environment variable that sets a port, e.g. {@code COUCHANNEL_INVENTORY_GRPC_PORT}. */
    public static String variable(String port) {
        return "COUCHANNEL_" + port.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
    }

    /** This configuration with {@code name=value} given to every service as well. */
    public StackConfig with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        return new StackConfig(dataDir, ports, demoData, fast, more, clock);
    }

    /** This configuration, trading durability for speed or not. */
    public StackConfig fast(boolean fast) {
        return new StackConfig(dataDir, ports, demoData, fast, properties, clock);
    }

    /** This configuration with every service deciding by {@code clock} (identity excepted: it signs tokens). */
    public StackConfig clock(Clock clock) {
        return new StackConfig(dataDir, ports, demoData, fast, properties, clock);
    }

    /** The ports of {@code ./couchannel up}, each overridable by its environment variable. */
    public static StackConfig fromEnvironment(Path dataDir, Map<String, String> env) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        DEFAULT_PORTS.forEach((name, fallback) -> ports.put(name, port(env, variable(name), fallback)));
        return new StackConfig(
                dataDir,
                ports,
                !"false".equalsIgnoreCase(env.getOrDefault("COUCHANNEL_DEMO_DATA", "true")),
                false,
                Map.of(),
                Clock.systemUTC());
    }

    /** Any free ports, temp directories, demo data: what a system test wants. */
    public static StackConfig forTests(@Nullable Path dataDir) {
        Map<String, Integer> anyPorts = new LinkedHashMap<>();
        DEFAULT_PORTS.keySet().forEach(name -> anyPorts.put(name, 0));
        return new StackConfig(
                dataDir,
                anyPorts,
                true,
                true,
                // system tests send hundreds of requests from one address in seconds; the gateway's own
                // tests cover the limits
                Map.of(
                        "couchannel.gateway.rate-limits.per-ip", "1000000",
                        "couchannel.gateway.rate-limits.per-user", "1000000",
                        "couchannel.gateway.rate-limits.booking-per-user", "1000000",
                        "couchannel.gateway.rate-limits.login-per-ip", "1000000"),
                Clock.systemUTC());
    }

    private static Map<String, Integer> ordered(Object... namesAndPorts) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < namesAndPorts.length; i += 2) {
            ports.put((String) namesAndPorts[i], (Integer) namesAndPorts[i + 1]);
        }
        return Collections.unmodifiableMap(ports);
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
