package dev.couchannel.booking.checkout.persistence;

import dev.couchannel.booking.checkout.CancellationSaga;
import dev.couchannel.booking.checkout.CancellationSagas;
import dev.couchannel.booking.reservation.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCancellationSagas implements CancellationSagas {

    private static final String COLUMNS = """
            booking_id, session_id, refund_amount, host_penalty_amount, currency, reason, state, pending, deadline,
            attempts, started_at, completed_at, refund_failure_code, refund_failure_reason, version
            """;

    private final JdbcClient jdbc;

    JdbcCancellationSagas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(CancellationSaga saga) {
        CancellationSaga.Order order = saga.order();
        jdbc.sql("""
                        INSERT INTO booking_cancellations (booking_id, session_id, refund_amount, host_penalty_amount,
                            currency, reason, state, pending, deadline, attempts, started_at, completed_at, version)
                        VALUES (:booking, :session, :refund, :penalty, :currency, :reason, :state,
                            CAST(:pending AS TEXT[]), :deadline, :attempts, :started, :completed, 0)
                        """)
                .param("booking", order.bookingId())
                .param("session", order.sessionId())
                .param("refund", order.refund().amount())
                .param("penalty", order.hostPenalty().amount())
                .param("currency", order.refund().currency().getCurrencyCode())
                .param("reason", order.reason())
                .param("started", Timestamp.from(saga.startedAt()))
                .param("state", saga.state().name())
                .param("pending", PostgresArrays.ofNames(saga.pending()))
                .param("deadline", timestamp(saga.deadline()))
                .param("attempts", saga.attempts())
                .param("completed", timestamp(saga.completedAt()))
                .update();
    }

    @Override
    public Optional<CancellationSaga> lock(UUID bookingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_cancellations WHERE booking_id = :id FOR UPDATE")
                .param("id", bookingId)
                .query(JdbcCancellationSagas::map)
                .optional();
    }

    @Override
    public Optional<CancellationSaga> find(UUID bookingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_cancellations WHERE booking_id = :id")
                .param("id", bookingId)
                .query(JdbcCancellationSagas::map)
                .optional();
    }

    @Override
    public void save(CancellationSaga saga) {
        int updated = jdbc.sql("""
                        UPDATE booking_cancellations SET state = :state, pending = CAST(:pending AS TEXT[]),
                            deadline = :deadline, attempts = :attempts, completed_at = :completed,
                            refund_failure_code = :failureCode, refund_failure_reason = :failureReason,
                            version = version + 1
                        WHERE booking_id = :booking AND version = :version
                        """)
                .param("booking", saga.bookingId())
                .param("version", saga.version())
                .param("state", saga.state().name())
                .param("pending", PostgresArrays.ofNames(saga.pending()))
                .param("deadline", timestamp(saga.deadline()))
                .param("attempts", saga.attempts())
                .param("completed", timestamp(saga.completedAt()))
                .param(
                        "failureCode",
                        saga.refundFailure() == null
                                ? null
                                : saga.refundFailure().code())
                .param(
                        "failureReason",
                        saga.refundFailure() == null
                                ? null
                                : saga.refundFailure().reason())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("cancellation " + saga.bookingId() + " changed concurrently");
        }
    }

    @Override
    public List<CancellationSaga> lockOverdue(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_cancellations WHERE state = 'RUNNING' "
                        + "AND deadline <= :now ORDER BY deadline LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(JdbcCancellationSagas::map)
                .list();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static CancellationSaga map(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        Timestamp deadline = rs.getTimestamp("deadline");
        Timestamp completed = rs.getTimestamp("completed_at");
        String failureCode = rs.getString("refund_failure_code");
        return new CancellationSaga(
                new CancellationSaga.Order(
                        rs.getObject("booking_id", UUID.class),
                        rs.getObject("session_id", UUID.class),
                        new Money(rs.getBigDecimal("refund_amount"), currency),
                        new Money(rs.getBigDecimal("host_penalty_amount"), currency),
                        rs.getString("reason")),
                rs.getTimestamp("started_at").toInstant(),
                CancellationSaga.State.valueOf(rs.getString("state")),
                PostgresArrays.toEnums(rs.getArray("pending"), CancellationSaga.Step.class),
                deadline == null ? null : deadline.toInstant(),
                rs.getInt("attempts"),
                completed == null ? null : completed.toInstant(),
                failureCode == null
                        ? null
                        : new CancellationSaga.RefundFailure(failureCode, rs.getString("refund_failure_reason")),
                rs.getLong("version"));
    }
}
