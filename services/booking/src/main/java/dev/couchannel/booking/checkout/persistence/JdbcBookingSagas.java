package dev.couchannel.booking.checkout.persistence;

import dev.couchannel.booking.checkout.BookingSaga;
import dev.couchannel.booking.checkout.BookingSagas;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBookingSagas implements BookingSagas {

    private static final String COLUMNS =
            "booking_id, session_id, seats, state, step, step_started_at, deadline, attempts, failure, version";

    private final JdbcClient jdbc;

    JdbcBookingSagas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(BookingSaga saga) {
        jdbc.sql("""
                        INSERT INTO booking_sagas (booking_id, session_id, seats, state, step, step_started_at, deadline,
                            attempts, failure, version)
                        VALUES (:booking, :session, :seats, :state, :step, :started, :deadline, :attempts, :failure, 0)
                        """)
                .param("booking", saga.bookingId())
                .param("session", saga.sessionId())
                .param("seats", saga.seats())
                .param("state", saga.state().name())
                .param("step", saga.step().name())
                .param("started", Timestamp.from(saga.stepStartedAt()))
                .param("deadline", saga.deadline() == null ? null : Timestamp.from(saga.deadline()))
                .param("attempts", saga.attempts())
                .param("failure", saga.failure())
                .update();
    }

    @Override
    public Optional<BookingSaga> lock(UUID bookingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_sagas WHERE booking_id = :id FOR UPDATE")
                .param("id", bookingId)
                .query(JdbcBookingSagas::map)
                .optional();
    }

    @Override
    public void save(BookingSaga saga) {
        int updated = jdbc.sql("""
                        UPDATE booking_sagas SET state = :state, step = :step, step_started_at = :started,
                            deadline = :deadline, attempts = :attempts, failure = :failure, version = version + 1
                        WHERE booking_id = :booking AND version = :version
                        """)
                .param("booking", saga.bookingId())
                .param("state", saga.state().name())
                .param("step", saga.step().name())
                .param("started", Timestamp.from(saga.stepStartedAt()))
                .param("deadline", saga.deadline() == null ? null : Timestamp.from(saga.deadline()))
                .param("attempts", saga.attempts())
                .param("failure", saga.failure())
                .param("version", saga.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("saga " + saga.bookingId() + " changed concurrently");
        }
    }

    @Override
    public List<BookingSaga> lockOverdue(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_sagas WHERE state IN ('RUNNING', 'COMPENSATING') "
                        + "AND deadline <= :now ORDER BY deadline LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(JdbcBookingSagas::map)
                .list();
    }

    private static BookingSaga map(ResultSet rs, int row) throws SQLException {
        Timestamp deadline = rs.getTimestamp("deadline");
        return new BookingSaga(
                rs.getObject("booking_id", UUID.class),
                rs.getObject("session_id", UUID.class),
                rs.getInt("seats"),
                BookingSaga.State.valueOf(rs.getString("state")),
                BookingSaga.Step.valueOf(rs.getString("step")),
                rs.getTimestamp("step_started_at").toInstant(),
                deadline == null ? null : deadline.toInstant(),
                rs.getInt("attempts"),
                rs.getString("failure"),
                rs.getLong("version"));
    }
}
