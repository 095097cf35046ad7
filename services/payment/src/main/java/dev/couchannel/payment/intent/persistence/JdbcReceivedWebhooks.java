package dev.couchannel.payment.intent.persistence;

import dev.couchannel.payment.intent.ProviderEvent;
import dev.couchannel.payment.intent.ReceivedWebhooks;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReceivedWebhooks implements ReceivedWebhooks {

    private final JdbcClient jdbc;

    JdbcReceivedWebhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String provider, ProviderEvent event, Instant receivedAt) {
        // a concurrent delivery of the same event waits here on the primary key, then finds it taken
        return jdbc.sql("""
                        INSERT INTO webhook_events (provider, event_id, type, outcome, received_at)
                        VALUES (:provider, :id, :type, 'handling', :at)
                        ON CONFLICT (provider, event_id) DO NOTHING
                        """)
                        .param("provider", provider)
                        .param("id", event.id())
                        .param("type", event.type())
                        .param("at", Timestamp.from(receivedAt))
                        .update()
                == 1;
    }

    @Override
    public void settle(String provider, ProviderEvent event, String outcome) {
        jdbc.sql("UPDATE webhook_events SET outcome = :outcome WHERE provider = :provider AND event_id = :id")
                .param("outcome", outcome)
                .param("provider", provider)
                .param("id", event.id())
                .update();
    }

    @Override
    public Optional<String> outcomeOf(String provider, String eventId) {
        return jdbc.sql("SELECT outcome FROM webhook_events WHERE provider = :provider AND event_id = :id")
                .param("provider", provider)
                .param("id", eventId)
                .query(String.class)
                .optional();
    }
}
