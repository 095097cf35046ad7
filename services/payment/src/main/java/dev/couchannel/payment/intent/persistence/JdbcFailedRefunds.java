package dev.couchannel.payment.intent.persistence;

import dev.couchannel.payment.intent.FailedRefunds;
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

    @Override
    public List<FailedRefund> newest(int limit) {
        return jdbc.sql("""
                        SELECT f.booking_id, f.refund_key, f.amount, f.reason, f.code, f.provider_reason, f.failed_at,
                            i.payment_id, i.guest_id, i.host_id, i.currency
                        FROM payment_refund_failures f JOIN payment_intents i ON i.booking_id = f.booking_id
                        ORDER BY f.failed_at DESC, f.booking_id, f.refund_key
                        LIMIT :limit
                        """)
                .param("limit", limit)
                .query((rs, n) -> new FailedRefund(
                        rs.getObject("booking_id", UUID.class),
                        rs.getObject("payment_id", UUID.class),
                        rs.getString("guest_id"),
                        rs.getString("host_id"),
                        JdbcPaymentIntents.refundFailure(rs)))
                .list();
    }
}
