package dev.couchannel.inventory.seating.persistence;

import dev.couchannel.inventory.seating.HoldStatus;
import dev.couchannel.inventory.seating.SeatHold;
import dev.couchannel.inventory.seating.SeatHolds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSeatHolds implements SeatHolds {

    private static final String COLUMNS =
            "booking_id, session_id, seats, status, reason, expires_at, created_at, updated_at";

    private final JdbcClient jdbc;

    JdbcSeatHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SeatHold> lock(UUID bookingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seat_holds WHERE booking_id = :id FOR UPDATE")
                .param("id", bookingId)
                .query(JdbcSeatHolds::map)
                .optional();
    }

    @Override
    public void add(SeatHold hold) {
        jdbc.sql("""
                        INSERT INTO seat_holds (booking_id, session_id, seats, status, reason, expires_at, created_at, updated_at)
                        VALUES (:booking, :session, :seats, :status, :reason, :expires, :created, :updated)
                        """)
                .param("booking", hold.bookingId())
                .param("session", hold.sessionId())
                .param("seats", hold.seats())
                .param("status", hold.status().name())
                .param("reason", hold.reason())
                .param("expires", Timestamp.from(hold.expiresAt()))
                .param("created", Timestamp.from(hold.createdAt()))
                .param("updated", Timestamp.from(hold.updatedAt()))
                .update();
    }

    @Override
    public void save(SeatHold hold) {
        jdbc.sql(
                        "UPDATE seat_holds SET status = :status, reason = :reason, updated_at = :updated WHERE booking_id = :booking")
                .param("booking", hold.bookingId())
                .param("status", hold.status().name())
                .param("reason", hold.reason())
                .param("updated", Timestamp.from(hold.updatedAt()))
                .update();
    }

    @Override
    public List<SeatHold> lockExpired(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seat_holds WHERE status = 'HELD' AND expires_at <= :now "
                        + "ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(JdbcSeatHolds::map)
                .list();
    }

    @Override
    public List<SeatHold> lockHeldOf(UUID sessionId) {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM seat_holds WHERE session_id = :session AND status = 'HELD' ORDER BY booking_id FOR UPDATE")
                .param("session", sessionId)
                .query(JdbcSeatHolds::map)
                .list();
    }

    private static SeatHold map(ResultSet rs, int row) throws SQLException {
        return new SeatHold(
                rs.getObject("booking_id", UUID.class),
                rs.getObject("session_id", UUID.class),
                rs.getInt("seats"),
                HoldStatus.valueOf(rs.getString("status")),
                rs.getString("reason"),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
