package dev.couchannel.analytics.figures.persistence;

import dev.couchannel.analytics.figures.Dashboard.SessionOccupancy;
import dev.couchannel.analytics.figures.Nps;
import dev.couchannel.analytics.figures.Period;
import dev.couchannel.analytics.figures.Tally;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the figures of a period from the live read model, summed per point in the database
 * ({@code date_trunc} of the moment that counts, in UTC). A host sees only the facts of their own
 * sessions (host from {@code SessionPublished}); an admin ({@code host} null) sees all.
 */
@Repository
public class JdbcFigures {

    private static final String HOST = "(CAST(:host AS TEXT) IS NULL OR s.host_id = :host)";

    private final JdbcClient jdbc;

    JdbcFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the period's counts to the tally of each point, by the first day of the point. */
    public void tally(Period period, @Nullable String host, Map<LocalDate, Tally> points) {
        String unit = period.interval().key();
        query(
                """
                SELECT date_trunc(:unit, b.confirmed_at AT TIME ZONE 'UTC')::date AS point,
                       count(*) AS bookings, coalesce(sum(b.seats), 0) AS seats
                FROM facts.bookings b LEFT JOIN facts.sessions s ON s.session_id = b.session_id
                WHERE b.confirmed_at >= :from AND b.confirmed_at < :to AND %s
                GROUP BY 1
                """,
                period, host, unit, (rs, tally) -> tally.confirmed(rs.getInt("bookings"), rs.getInt("seats")), points);
        query(
                """
                SELECT date_trunc(:unit, b.confirmed_at AT TIME ZONE 'UTC')::date AS point,
                       b.total_currency AS currency, sum(b.total_amount) AS amount
                FROM facts.bookings b LEFT JOIN facts.sessions s ON s.session_id = b.session_id
                WHERE b.confirmed_at >= :from AND b.confirmed_at < :to AND b.total_currency IS NOT NULL AND %s
                GROUP BY 1, 2
                """,
                period,
                host,
                unit,
                (rs, tally) -> tally.gross(rs.getString("currency"), rs.getBigDecimal("amount")),
                points);
        query("""
                SELECT date_trunc(:unit, b.rejected_at AT TIME ZONE 'UTC')::date AS point, count(*) AS bookings
                FROM facts.bookings b LEFT JOIN facts.sessions s ON s.session_id = b.session_id
                WHERE b.rejected_at >= :from AND b.rejected_at < :to AND %s
                GROUP BY 1
                """, period, host, unit, (rs, tally) -> tally.rejected(rs.getInt("bookings")), points);
        query(
                """
                SELECT date_trunc(:unit, b.cancelled_at AT TIME ZONE 'UTC')::date AS point,
                       coalesce(b.cancelled_by, 'UNKNOWN') AS by, b.refund_currency AS currency,
                       count(*) AS bookings, sum(b.refund_amount) AS refund
                FROM facts.bookings b LEFT JOIN facts.sessions s ON s.session_id = b.session_id
                WHERE b.cancelled_at >= :from AND b.cancelled_at < :to AND %s
                GROUP BY 1, 2, 3
                """,
                period,
                host,
                unit,
                (rs, tally) -> tally.cancelled(
                        rs.getString("by"),
                        rs.getInt("bookings"),
                        rs.getString("currency"),
                        rs.getBigDecimal("refund")),
                points);
        query(
                """
                SELECT date_trunc(:unit, s.kickoff AT TIME ZONE 'UTC')::date AS point, count(*) AS sessions,
                       coalesce(sum(s.capacity), 0) AS capacity, coalesce(sum(sold.seats), 0) AS sold
                FROM facts.sessions s
                LEFT JOIN (SELECT session_id, sum(seats) AS seats FROM facts.bookings
                           WHERE status = 'CONFIRMED' GROUP BY session_id) sold ON sold.session_id = s.session_id
                WHERE s.kickoff >= :from AND s.kickoff < :to AND NOT s.cancelled AND s.capacity IS NOT NULL AND %s
                GROUP BY 1
                """,
                period,
                host,
                unit,
                (rs, tally) -> tally.sessions(rs.getInt("sessions"), rs.getInt("sold"), rs.getInt("capacity")),
                points);
        query(
                """
                SELECT date_trunc(:unit, s.answered_at AT TIME ZONE 'UTC')::date AS point, s.score, count(*) AS answers
                FROM surveys s
                WHERE s.answered_at >= :from AND s.answered_at < :to AND %s
                GROUP BY 1, 2
                """,
                period,
                host,
                unit,
                (rs, tally) -> tally.answers(Nps.of(rs.getInt("score"), rs.getInt("answers"))),
                points);
        query(
                """
                SELECT date_trunc(:unit, b.confirmed_at AT TIME ZONE 'UTC')::date AS point, p.provider, p.licence,
                       count(*) AS bookings, coalesce(sum(b.seats), 0) AS seats
                FROM facts.bookings b
                JOIN facts.sessions s ON s.session_id = b.session_id
                JOIN facts.venue_packages p ON p.venue_id = s.venue_id
                WHERE b.status = 'CONFIRMED' AND b.confirmed_at >= :from AND b.confirmed_at < :to AND %s
                GROUP BY 1, 2, 3
                """,
                period,
                host,
                unit,
                (rs, tally) -> tally.packageUsed(
                        rs.getString("provider"), rs.getString("licence"), rs.getInt("bookings"), rs.getInt("seats")),
                points);
    }

    /** The sessions with a kickoff in the period, by kickoff, each with its occupancy. */
    public List<SessionOccupancy> sessions(Period period, @Nullable String host, int limit) {
        return jdbc.sql("""
                        SELECT s.session_id, s.venue_id, s.kickoff, coalesce(s.capacity, 0) AS capacity, s.cancelled,
                               coalesce((SELECT sum(b.seats) FROM facts.bookings b
                                         WHERE b.session_id = s.session_id AND b.status = 'CONFIRMED'), 0) AS sold
                        FROM facts.sessions s
                        WHERE s.kickoff >= :from AND s.kickoff < :to AND %s
                        ORDER BY s.kickoff, s.session_id
                        LIMIT :limit
                        """.formatted(HOST))
                .param("from", Timestamp.from(period.start()))
                .param("to", Timestamp.from(period.end()))
                .param("host", host)
                .param("limit", limit)
                .query((rs, row) -> {
                    int capacity = rs.getInt("capacity");
                    int sold = rs.getInt("sold");
                    return new SessionOccupancy(
                            rs.getObject("session_id", UUID.class),
                            rs.getObject("venue_id", UUID.class),
                            rs.getTimestamp("kickoff").toInstant(),
                            capacity,
                            sold,
                            capacity == 0
                                    ? null
                                    : BigDecimal.valueOf(sold)
                                            .divide(BigDecimal.valueOf(capacity), 4, RoundingMode.HALF_UP),
                            rs.getBoolean("cancelled"));
                })
                .list();
    }

    @FunctionalInterface
    private interface RowInto {
        void add(ResultSet row, Tally tally) throws SQLException;
    }

    private void query(
            String sql, Period period, @Nullable String host, String unit, RowInto into, Map<LocalDate, Tally> points) {
        jdbc.sql(sql.formatted(HOST))
                .param("unit", unit)
                .param("from", Timestamp.from(period.start()))
                .param("to", Timestamp.from(period.end()))
                .param("host", host)
                .query(rs -> {
                    LocalDate point = rs.getObject("point", Date.class).toLocalDate();
                    into.add(rs, points.computeIfAbsent(point, day -> new Tally()));
                });
    }
}
