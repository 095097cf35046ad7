package dev.couchannel.payment.intent.persistence;

import dev.couchannel.payment.intent.FailedRefunds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFailedRefunds implements FailedRefunds {

    private final JdbcClient jdbc;

    JdbcFailedRefunds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            SELECT f.booking_id, f.refund_key, f.amount, f.reason, f.code, f.provider_reason, f.failed_at,
                f.resolved_at, f.resolution_reference, f.resolution_note, f.resolved_by, f.repaid,
                i.payment_id, i.guest_id, i.host_id, i.currency
            FROM payment_refund_failures f JOIN payment_intents i ON i.booking_id = f.booking_id
            """;

    @Override
    public List<FailedRefund> newest(boolean resolved, int limit) {
        return jdbc.sql(SELECT + """
                        WHERE (f.resolved_at IS NOT NULL) = :resolved
                        ORDER BY f.failed_at DESC, f.booking_id, f.refund_key
                        LIMIT :limit
                        """)
                .param("resolved", resolved)
                .param("limit", limit)
                .query((rs, n) -> failedRefund(rs))
                .list();
    }

    @Override
    public List<FailedRefund> ofBooking(UUID bookingId) {
        return jdbc.sql(SELECT + "WHERE f.booking_id = :booking ORDER BY f.failed_at, f.refund_key")
                .param("booking", bookingId)
                .query((rs, n) -> failedRefund(rs))
                .list();
    }

    private static FailedRefund failedRefund(ResultSet rs) throws SQLException {
        return new FailedRefund(
                rs.getObject("booking_id", UUID.class),
                rs.getObject("payment_id", UUID.class),
                rs.getString("guest_id"),
                rs.getString("host_id"),
                JdbcPaymentIntents.refundFailure(rs));
    }
}
