package dev.couchannel.search.messaging;

import dev.couchannel.contracts.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The live projection: one consumer (group {@code search}) over inventory, hosting and review events, a poll's batch
 * at a time. One thread on purpose: a venue's facts are copied into its sessions by a query that must see every
 * session written before it. No inbox is needed: every write is versioned (see {@link
 * dev.couchannel.search.readmodel.FieldGroup}), so a batch retried after a failure changes nothing twice.
 */
@Component
class EventConsumer {

    static final String ID = "search.events";

    private final Projection projection;

    EventConsumer(Projection projection) {
        this.projection = projection;
    }

    @KafkaListener(
            id = ID,
            topics = {Topics.INVENTORY_EVENTS, Topics.HOSTING_EVENTS, Topics.REVIEW_EVENTS},
            batch = "true",
            concurrency = "1",
            autoStartup = "${couchannel.search.consume:true}")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        projection.live(records);
    }
}
