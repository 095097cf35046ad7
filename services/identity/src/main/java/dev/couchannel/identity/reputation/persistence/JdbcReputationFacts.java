package dev.couchannel.identity.reputation.persistence;

import dev.couchannel.identity.reputation.GuestFacts;
import dev.couchannel.identity.reputation.HostFacts;
import dev.couchannel.identity.reputation.Reputation;
import dev.couchannel.identity.reputation.ReputationFacts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The facts in identity's PostgreSQL; every write is an upsert keyed by its fact, so a replay is a no-op. */
@Repository
class JdbcReputationFacts implements ReputationFacts {

    private final JdbcClient jdbc;

    JdbcReputationFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void ratingChanged(UUID venueId, String hostId, double average, int count, long version) {
        jdbc.sql("INSERT INTO reputation_venue_ratings (venue_id, host_id, average, count, version)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (venue_id) DO UPDATE SET host_id = excluded.host_id,"
                        + " average = excluded.average, count = excluded.count, version = excluded.version"
                        + " WHERE reputation_venue_ratings.version < excluded.version")
                .params(venueId, hostId, average, count, version)
                .update();
    }

    @Override
    public void sessionPublished(UUID sessionId, String hostId, Instant kickoff) {
        jdbc.sql("INSERT INTO reputation_sessions (session_id, host_id, kickoff) VALUES (?, ?, ?)"
                        + " ON CONFLICT (session_id) DO UPDATE SET kickoff = excluded.kickoff")
                .params(sessionId, hostId, Timestamp.from(kickoff))
                .update();
    }

    @Override
    public void sessionCancelled(UUID sessionId, String hostId, boolean hostsFault) {
        jdbc.sql("INSERT INTO reputation_sessions (session_id, host_id, hosts_fault) VALUES (?, ?, ?)"
                        + " ON CONFLICT (session_id) DO UPDATE SET hosts_fault = excluded.hosts_fault")
                .params(sessionId, hostId, hostsFault)
                .update();
    }

    @Override
    public void reviewPosted(UUID reviewId, String hostId, Instant at) {
        jdbc.sql("INSERT INTO reputation_reviews (review_id, host_id, posted_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (review_id) DO UPDATE SET posted_at = excluded.posted_at")
                .params(reviewId, hostId, Timestamp.from(at))
                .update();
    }

    @Override
    public void reviewReplied(UUID reviewId, String hostId, Instant at) {
        jdbc.sql("INSERT INTO reputation_reviews (review_id, host_id, replied_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (review_id) DO UPDATE SET replied_at = excluded.replied_at")
                .params(reviewId, hostId, Timestamp.from(at))
                .update();
    }

    @Override
    public void bookingConfirmed(UUID bookingId, UUID sessionId, String guestId) {
        booking(bookingId, sessionId, guestId, "confirmed");
    }

    @Override
    public void bookingCancelled(UUID bookingId, UUID sessionId, String guestId) {
        booking(bookingId, sessionId, guestId, "cancelled");
    }

    @Override
    public void guestNoShow(UUID bookingId, UUID sessionId, String guestId) {
        booking(bookingId, sessionId, guestId, "no_show");
    }

    /** Sets one flag of a booking; {@code flag} is one of three column names above, never input. */
    private void booking(UUID bookingId, UUID sessionId, String guestId, String flag) {
        jdbc.sql("INSERT INTO reputation_bookings (booking_id, session_id, guest_id, " + flag
                        + ") VALUES (?, ?, ?, TRUE) ON CONFLICT (booking_id) DO UPDATE SET " + flag + " = TRUE")
                .params(bookingId, sessionId, guestId)
                .update();
    }

    @Override
    public HostFacts host(String hostId, Instant replyDueBefore) {
        double[] rating = jdbc.sql("SELECT coalesce(sum(average * count), 0) AS total, coalesce(sum(count), 0) AS n"
                        + " FROM reputation_venue_ratings WHERE host_id = ?")
                .param(hostId)
                .query((rs, row) -> new double[] {rs.getDouble("total"), rs.getLong("n")})
                .single();
        int[] sessions = jdbc.sql("SELECT count(*) AS n, count(*) FILTER (WHERE hosts_fault) AS cancelled"
                        + " FROM reputation_sessions WHERE host_id = ?")
                .param(hostId)
                .query((rs, row) -> new int[] {rs.getInt("n"), rs.getInt("cancelled")})
                .single();
        long withinSeconds = Reputation.REPLY_WITHIN.toSeconds();
        return jdbc.sql("SELECT count(*) FILTER (WHERE replied_at IS NOT NULL OR posted_at < ?) AS due,"
                        + " count(*) FILTER (WHERE replied_at <= posted_at + make_interval(secs => ?)) AS in_time,"
                        + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM replied_at - posted_at)::float8)"
                        + " FILTER (WHERE replied_at IS NOT NULL) AS median_seconds"
                        + " FROM reputation_reviews WHERE host_id = ? AND posted_at IS NOT NULL")
                .params(Timestamp.from(replyDueBefore), withinSeconds, hostId)
                .query((rs, row) -> {
                    double median = rs.getDouble("median_seconds");
                    Double medianHours = rs.wasNull() ? null : median / 3600;
                    return new HostFacts(
                            rating[0],
                            (int) rating[1],
                            sessions[0],
                            sessions[1],
                            rs.getInt("due"),
                            rs.getInt("in_time"),
                            medianHours);
                })
                .single();
    }

    @Override
    public GuestFacts guest(String guestId, Instant kickedOffBefore) {
        return jdbc.sql("SELECT count(*) FILTER (WHERE b.no_show) AS no_shows,"
                        + " count(*) FILTER (WHERE b.confirmed AND NOT b.cancelled AND NOT b.no_show"
                        + " AND s.kickoff < ?) AS attended"
                        + " FROM reputation_bookings b LEFT JOIN reputation_sessions s ON s.session_id = b.session_id"
                        + " WHERE b.guest_id = ?")
                .params(Timestamp.from(kickedOffBefore), guestId)
                .query((rs, row) -> new GuestFacts(rs.getInt("attended"), rs.getInt("no_shows")))
                .single();
    }
}
