package dev.couchannel.platform.messaging;

import dev.couchannel.platform.service.DefaultsFromClasspath;

/** Kafka serialization, delivery guarantees and Flyway locations shared by every messaging service. */
public final class MessagingDefaults extends DefaultsFromClasspath {

    public MessagingDefaults() {
        super("couchannelMessagingDefaults", "couchannel-messaging-defaults.properties");
    }
}
