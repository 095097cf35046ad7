package dev.couchannel.review.review.persistence;

import dev.couchannel.review.review.ReviewEvent;
import dev.couchannel.review.review.ReviewStreams;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event store in {@code review_events}: the payload is the event as JSON, the type a stable
 * name from {@link ReviewEvent#type()}.
 */
@Repository
class JdbcReviewStreams implements ReviewStreams {

    private static final Map<String, Class<? extends ReviewEvent>> TYPES = Map.of(
            "ReviewPosted", ReviewEvent.ReviewPosted.class,
            "ReplyPosted", ReviewEvent.ReplyPosted.class,
            "ReviewReported", ReviewEvent.ReviewReported.class,
            "ReviewHidden", ReviewEvent.ReviewHidden.class,
            "ReviewRestored", ReviewEvent.ReviewRestored.class);

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Replays read this many events at a time, so a big store is not held in memory at once. */
    private static final int BATCH = 500;

    private final JdbcClient jdbc;

    JdbcReviewStreams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ReviewEvent> load(UUID reviewId) {
        return jdbc.sql("SELECT type, payload::text FROM review_events WHERE stream_id = :id ORDER BY version")
                .param("id", reviewId)
                .query((rs, row) -> decode(rs.getString(1), rs.getString(2)))
                .list();
    }

    @Override
    public void append(ReviewEvent event, long expectedVersion) {
        long version = expectedVersion + 1;
        try {
            jdbc.sql("""
                            INSERT INTO review_events (stream_id, version, type, payload, occurred_at)
                            VALUES (:stream, :version, :type, CAST(:payload AS jsonb), :at)
                            """)
                    .param("stream", event.reviewId())
                    .param("version", version)
                    .param("type", event.type())
                    .param("payload", JSON.writeValueAsString(event))
                    .param("at", Timestamp.from(event.at()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConcurrentChange(event.reviewId(), version);
        }
    }

    @Override
    public void replayAll(Consumer<ReviewEvent> handler) {
        long after = 0;
        while (true) {
            record Stored(long position, ReviewEvent event) {}
            List<Stored> batch = jdbc.sql("""
                            SELECT position, type, payload::text FROM review_events
                            WHERE position > :after ORDER BY position LIMIT :batch
                            """)
                    .param("after", after)
                    .param("batch", BATCH)
                    .query((rs, row) -> new Stored(rs.getLong(1), decode(rs.getString(2), rs.getString(3))))
                    .list();
            batch.forEach(stored -> handler.accept(stored.event()));
            if (batch.size() < BATCH) {
                return;
            }
            after = batch.getLast().position();
        }
    }

    private static ReviewEvent decode(String type, String payload) {
        Class<? extends ReviewEvent> kind = TYPES.get(type);
        if (kind == null) {
            throw new IllegalStateException("review_events holds an event of unknown type " + type);
        }
        return JSON.readValue(payload, kind);
    }
}
