package dev.couchannel.review.review.persistence;

import dev.couchannel.review.review.ReviewEvent;
import dev.couchannel.review.review.ReviewEvent.ReplyPosted;
import dev.couchannel.review.review.ReviewEvent.ReviewHidden;
import dev.couchannel.review.review.ReviewEvent.ReviewPosted;
import dev.couchannel.review.review.ReviewEvent.ReviewReported;
import dev.couchannel.review.review.ReviewEvent.ReviewRestored;
import dev.couchannel.review.review.VenueRating;
import dev.couchannel.review.review.application.Projections;
import dev.couchannel.review.review.application.ReviewQueries;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The review list and the venue ratings in PostgreSQL, folded from review events. */
@Repository
class JdbcProjections implements Projections, ReviewQueries {

    /** The key of the advisory lock between live writers (shared) and a rebuild (exclusive). */
    private static final long LOCK = 0x7265766965770001L;

    private final JdbcClient jdbc;

    JdbcProjections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<VenueRating> apply(ReviewEvent event) {
        switch (event) {
            case ReviewPosted e -> {
                jdbc.sql("""
                                INSERT INTO review_list (review_id, venue_id, session_id, booking_id, guest_id, host_id,
                                                         rating, text, posted_at, version)
                                VALUES (:id, :venue, :session, :booking, :guest, :host, :rating, :text, :at, 1)
                                """)
                        .param("id", e.reviewId())
                        .param("venue", e.venueId())
                        .param("session", e.sessionId())
                        .param("booking", e.bookingId())
                        .param("guest", e.guestId())
                        .param("host", e.hostId())
                        .param("rating", e.rating())
                        .param("text", e.text())
                        .param("at", Timestamp.from(e.at()))
                        .update();
                return Optional.of(count(e.venueId(), e.hostId(), e.rating(), 1));
            }
            case ReplyPosted e -> {
                jdbc.sql("""
                                UPDATE review_list SET reply = :text, replied_at = :at, version = version + 1
                                WHERE review_id = :id
                                """)
                        .param("id", e.reviewId())
                        .param("text", e.text())
                        .param("at", Timestamp.from(e.at()))
                        .update();
                return Optional.empty();
            }
            case ReviewReported e -> {
                jdbc.sql("UPDATE review_list SET reports = reports + 1, version = version + 1 WHERE review_id = :id")
                        .param("id", e.reviewId())
                        .update();
                return Optional.empty();
            }
            case ReviewHidden e -> {
                return Optional.of(toggle(e.reviewId(), true));
            }
            case ReviewRestored e -> {
                return Optional.of(toggle(e.reviewId(), false));
            }
        }
    }

    private VenueRating toggle(UUID reviewId, boolean hidden) {
        record Counted(UUID venue, String host, int rating) {}
        Counted review = jdbc.sql("""
                        UPDATE review_list SET hidden = :hidden, version = version + 1 WHERE review_id = :id
                        RETURNING venue_id, host_id, rating
                        """)
                .param("id", reviewId)
                .param("hidden", hidden)
                .query((rs, row) -> new Counted(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)))
                .single();
        return hidden
                ? count(review.venue(), review.host(), -review.rating(), -1)
                : count(review.venue(), review.host(), review.rating(), 1);
    }

    private VenueRating count(UUID venueId, String hostId, int rating, int reviews) {
        if (reviews < 0) {
            // a review leaves the count: the venue's row exists (its posting made it), and an insert
            // of negative numbers would trip the checks before ON CONFLICT is considered
            return jdbc.sql("""
                            UPDATE venue_ratings SET rating_sum = rating_sum + :rating, count = count + :reviews,
                                                     version = version + 1
                            WHERE venue_id = :venue
                            RETURNING venue_id, host_id, rating_sum, count, version
                            """)
                    .param("venue", venueId)
                    .param("rating", rating)
                    .param("reviews", reviews)
                    .query((rs, row) -> rating(rs))
                    .single();
        }
        return jdbc.sql("""
                        INSERT INTO venue_ratings (venue_id, host_id, rating_sum, count, version)
                        VALUES (:venue, :host, :rating, :reviews, 1)
                        ON CONFLICT (venue_id) DO UPDATE SET
                            rating_sum = venue_ratings.rating_sum + EXCLUDED.rating_sum,
                            count = venue_ratings.count + EXCLUDED.count,
                            version = venue_ratings.version + 1
                        RETURNING venue_id, host_id, rating_sum, count, version
                        """)
                .param("venue", venueId)
                .param("host", hostId)
                .param("rating", rating)
                .param("reviews", reviews)
                .query((rs, row) -> rating(rs))
                .single();
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM review_list").update();
        jdbc.sql("DELETE FROM venue_ratings").update();
    }

    @Override
    public void lockForWriting() {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(:key)")
                .param("key", LOCK)
                .query()
                .listOfRows();
    }

    @Override
    public void lockForRebuild() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)")
                .param("key", LOCK)
                .query()
                .listOfRows();
    }

    @Override
    public ReviewPage visibleOfVenue(UUID venueId, int page, int size) {
        List<ReviewSummary> items = jdbc.sql("""
                        SELECT * FROM review_list WHERE venue_id = :venue AND NOT hidden
                        ORDER BY posted_at DESC, review_id LIMIT :size OFFSET :offset
                        """)
                .param("venue", venueId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> summary(rs))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM review_list WHERE venue_id = :venue AND NOT hidden")
                .param("venue", venueId)
                .query(Long.class)
                .single();
        return new ReviewPage(items, total);
    }

    @Override
    public Optional<ReviewSummary> review(UUID id) {
        return jdbc.sql("SELECT * FROM review_list WHERE review_id = :id")
                .param("id", id)
                .query((rs, row) -> summary(rs))
                .optional();
    }

    @Override
    public List<ReviewSummary> reported(int limit) {
        return jdbc.sql("SELECT * FROM review_list WHERE reports > 0 ORDER BY reports DESC, posted_at LIMIT :limit")
                .param("limit", limit)
                .query((rs, row) -> summary(rs))
                .list();
    }

    @Override
    public VenueRating rating(UUID venueId) {
        return jdbc.sql(
                        "SELECT venue_id, host_id, rating_sum, count, version FROM venue_ratings WHERE venue_id = :venue")
                .param("venue", venueId)
                .query((rs, row) -> rating(rs))
                .optional()
                .orElseGet(() -> VenueRating.none(venueId));
    }

    private static VenueRating rating(ResultSet rs) throws SQLException {
        return new VenueRating(
                rs.getObject("venue_id", UUID.class),
                rs.getString("host_id"),
                rs.getLong("rating_sum"),
                rs.getInt("count"),
                rs.getLong("version"));
    }

    private static ReviewSummary summary(ResultSet rs) throws SQLException {
        Timestamp replied = rs.getTimestamp("replied_at");
        return new ReviewSummary(
                rs.getObject("review_id", UUID.class),
                rs.getObject("venue_id", UUID.class),
                rs.getObject("session_id", UUID.class),
                rs.getObject("booking_id", UUID.class),
                rs.getString("guest_id"),
                rs.getString("host_id"),
                rs.getInt("rating"),
                rs.getString("text"),
                rs.getTimestamp("posted_at").toInstant(),
                rs.getString("reply"),
                replied == null ? null : replied.toInstant(),
                rs.getInt("reports"),
                rs.getBoolean("hidden"),
                rs.getLong("version"));
    }
}
