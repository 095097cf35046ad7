package dev.couchannel.analytics.figures.persistence;

import dev.couchannel.analytics.figures.Fact;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes facts into a schema of the read model: {@code facts} (live) or {@code facts_next} (being
 * rebuilt). Every write is an upsert that a redelivery leaves unchanged and that does not depend on
 * the order of topics (a booking's events keep their order: one key, one partition).
 */
@Repository
public class JdbcFacts {

    public static final String LIVE = "facts";
    public static final String NEXT = "facts_next";

    /** The tables a rebuild copies; none has a sequence a copy would share. */
    public static final List<String> TABLES = List.of("sessions", "bookings", "venues", "venue_packages");

    private static final Set<String> SCHEMAS = Set.of(LIVE, NEXT);

    private final JdbcClient jdbc;

    JdbcFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a rebuild is filling {@link #NEXT}, so that live writes go there too. */
    public boolean rebuilding() {
        return jdbc.sql("SELECT to_regnamespace('" + NEXT + "') IS NOT NULL")
                .query(Boolean.class)
                .single();
    }

    public void apply(Fact fact, String schema) {
        if (!SCHEMAS.contains(schema)) {
            throw new IllegalArgumentException("no fact schema " + schema);
        }
        switch (fact) {
            case Fact.BookingConfirmed f ->
                jdbc.sql("""
                                INSERT INTO %s.bookings (booking_id, session_id, guest_id, seats, status, confirmed_at,
                                                         total_amount, total_currency)
                                VALUES (:id, :session, :guest, :seats, 'CONFIRMED', :at, :amount, :currency)
                                ON CONFLICT (booking_id) DO UPDATE SET
                                    seats = EXCLUDED.seats, confirmed_at = EXCLUDED.confirmed_at,
                                    total_amount = EXCLUDED.total_amount, total_currency = EXCLUDED.total_currency,
                                    status = CASE WHEN bookings.status = 'CANCELLED' THEN 'CANCELLED' ELSE 'CONFIRMED' END
                                """.formatted(schema))
                        .param("id", f.bookingId())
                        .param("session", f.sessionId())
                        .param("guest", f.guestId())
                        .param("seats", f.seats())
                        .param("at", Timestamp.from(f.at()))
                        .param("amount", f.amount())
                        .param("currency", f.currency())
                        .update();
            case Fact.BookingRejected f ->
                jdbc.sql("""
                                INSERT INTO %s.bookings (booking_id, session_id, guest_id, status, rejected_at)
                                VALUES (:id, :session, :guest, 'REJECTED', :at)
                                ON CONFLICT (booking_id) DO UPDATE SET rejected_at = EXCLUDED.rejected_at
                                """.formatted(schema))
                        .param("id", f.bookingId())
                        .param("session", f.sessionId())
                        .param("guest", f.guestId())
                        .param("at", Timestamp.from(f.at()))
                        .update();
            case Fact.BookingCancelled f ->
                jdbc.sql("""
                                INSERT INTO %s.bookings (booking_id, session_id, guest_id, seats, status, cancelled_at,
                                                         cancelled_by, refund_amount, refund_currency)
                                VALUES (:id, :session, :guest, :seats, 'CANCELLED', :at, :by, :refund, :currency)
                                ON CONFLICT (booking_id) DO UPDATE SET
                                    status = 'CANCELLED', cancelled_at = EXCLUDED.cancelled_at,
                                    cancelled_by = EXCLUDED.cancelled_by, refund_amount = EXCLUDED.refund_amount,
                                    refund_currency = EXCLUDED.refund_currency
                                """.formatted(schema))
                        .param("id", f.bookingId())
                        .param("session", f.sessionId())
                        .param("guest", f.guestId())
                        .param("seats", f.seats())
                        .param("at", Timestamp.from(f.at()))
                        .param("by", f.cancelledBy())
                        .param("refund", f.refund())
                        .param("currency", f.currency())
                        .update();
            case Fact.SessionPublished f ->
                jdbc.sql("""
                                INSERT INTO %s.sessions (session_id, venue_id, host_id, kickoff, capacity)
                                VALUES (:id, :venue, :host, :kickoff, :capacity)
                                ON CONFLICT (session_id) DO UPDATE SET
                                    venue_id = EXCLUDED.venue_id, host_id = EXCLUDED.host_id,
                                    kickoff = EXCLUDED.kickoff, capacity = EXCLUDED.capacity
                                """.formatted(schema))
                        .param("id", f.sessionId())
                        .param("venue", f.venueId())
                        .param("host", f.hostId())
                        .param("kickoff", Timestamp.from(f.kickoff()))
                        .param("capacity", f.capacity())
                        .update();
            case Fact.SessionCancelled f ->
                jdbc.sql("""
                                INSERT INTO %s.sessions (session_id, host_id, cancelled, cancelled_at)
                                VALUES (:id, :host, true, :at)
                                ON CONFLICT (session_id) DO UPDATE SET
                                    cancelled = true, cancelled_at = EXCLUDED.cancelled_at,
                                    host_id = coalesce(sessions.host_id, EXCLUDED.host_id)
                                """.formatted(schema))
                        .param("id", f.sessionId())
                        .param("host", f.hostId())
                        .param("at", Timestamp.from(f.at()))
                        .update();
            case Fact.VenueFacts f -> venue(f, schema);
        }
    }

    /** A venue's facts replace the stored ones only when they are newer (hosting's version). */
    private void venue(Fact.VenueFacts f, String schema) {
        int newer = jdbc.sql("""
                        INSERT INTO %s.venues (venue_id, host_id, version) VALUES (:id, :host, :version)
                        ON CONFLICT (venue_id) DO UPDATE SET host_id = EXCLUDED.host_id, version = EXCLUDED.version
                        WHERE venues.version < EXCLUDED.version
                        """.formatted(schema))
                .param("id", f.venueId())
                .param("host", f.hostId())
                .param("version", f.version())
                .update();
        if (newer == 0) {
            return;
        }
        jdbc.sql("DELETE FROM %s.venue_packages WHERE venue_id = :id".formatted(schema))
                .param("id", f.venueId())
                .update();
        for (Fact.Package p : f.packages()) {
            jdbc.sql("""
                            INSERT INTO %s.venue_packages (venue_id, provider, licence) VALUES (:id, :provider, :licence)
                            ON CONFLICT DO NOTHING
                            """.formatted(schema))
                    .param("id", f.venueId())
                    .param("provider", p.provider())
                    .param("licence", p.licence())
                    .update();
        }
    }

    /** A fresh, empty copy of the live tables in {@link #NEXT}, in one transaction (the caller's). */
    public void createNext() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + NEXT + " CASCADE").update();
        jdbc.sql("CREATE SCHEMA " + NEXT).update();
        for (String table : TABLES) {
            jdbc.sql("CREATE TABLE %s.%s (LIKE %s.%s INCLUDING ALL)".formatted(NEXT, table, LIVE, table))
                    .update();
        }
    }

    /** Puts {@link #NEXT} in the place of {@link #LIVE}, in the caller's transaction. */
    public void swap() {
        jdbc.sql("DROP SCHEMA " + LIVE + " CASCADE").update();
        jdbc.sql("ALTER SCHEMA " + NEXT + " RENAME TO " + LIVE).update();
    }

    public void dropNext() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + NEXT + " CASCADE").update();
    }
}
