package dev.couchannel.notification;

import dev.couchannel.platform.testing.TestInfrastructure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/** Starts the service by hand, for tests that stop and restart it. */
final class Contexts {

    private Contexts() {}

    /**
     * The service on the shared servers with a database of its own, not consuming Kafka (the test
     * drives it directly), with {@code clock} as its time (null: the system clock).
     */
    static ConfigurableApplicationContext start(String database, Clock clock, String... extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        TestInfrastructure.register((name, value) -> properties.put(name, value.get()), database);
        properties.put("server.port", 0);
        properties.put("couchannel.notification.consume", false);
        properties.put("spring.grpc.client.channel.inventory.target", FakeFacts.INSTANCE.inventoryTarget());
        properties.put("spring.grpc.client.channel.hosting.target", FakeFacts.INSTANCE.hostingTarget());
        properties.put("couchannel.notification.delivery.poll-interval", "100ms");
        properties.put("couchannel.notification.reminders.poll-interval", "100ms");
        for (String argument : extra) {
            int equals = argument.indexOf('=');
            properties.put(argument.substring(2, equals), argument.substring(equals + 1));
        }
        List<String> args = new ArrayList<>();
        properties.forEach((name, value) -> args.add("--" + name + "=" + value));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(NotificationApplication.class)
                .properties("spring.config.name=notification");
        if (clock != null) {
            builder.initializers(context ->
                    ((GenericApplicationContext) context).registerBean("testClock", Clock.class, () -> clock));
        }
        return builder.run(args.toArray(String[]::new));
    }
}
