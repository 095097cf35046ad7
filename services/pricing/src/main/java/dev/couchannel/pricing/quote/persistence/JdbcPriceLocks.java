package dev.couchannel.pricing.quote.persistence;

import dev.couchannel.pricing.quote.Money;
import dev.couchannel.pricing.quote.PriceLock;
import dev.couchannel.pricing.quote.PriceLocks;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPriceLocks implements PriceLocks {

    private final JdbcClient jdbc;

    JdbcPriceLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PriceLock> lock(UUID bookingId) {
        return jdbc.sql("""
                        SELECT booking_id, quote_id, status, reason, total, currency, updated_at
                        FROM price_locks WHERE booking_id = :id FOR UPDATE
                        """)
                .param("id", bookingId)
                .query(JdbcPriceLocks::priceLock)
                .optional();
    }

    @Override
    public void save(PriceLock lock) {
        jdbc.sql("""
                        INSERT INTO price_locks (booking_id, quote_id, status, reason, total, currency, updated_at)
                        VALUES (:booking, :quote, :status, :reason, :total, :currency, :updated)
                        ON CONFLICT (booking_id) DO UPDATE SET quote_id = EXCLUDED.quote_id, status = EXCLUDED.status,
                            reason = EXCLUDED.reason, total = EXCLUDED.total, currency = EXCLUDED.currency,
                            updated_at = EXCLUDED.updated_at
                        """)
                .param("booking", lock.bookingId())
                .param("quote", lock.quoteId(), Types.OTHER)
                .param("status", lock.status().name())
                .param("reason", lock.reason(), Types.VARCHAR)
                .param("total", lock.total() == null ? null : lock.total().amount(), Types.NUMERIC)
                .param(
                        "currency",
                        lock.total() == null ? null : lock.total().currency().getCurrencyCode(),
                        Types.CHAR)
                .param("updated", Timestamp.from(lock.updatedAt()))
                .update();
    }

    private static PriceLock priceLock(ResultSet row, int number) throws SQLException {
        BigDecimal total = row.getBigDecimal("total");
        String currency = row.getString("currency");
        return new PriceLock(
                row.getObject("booking_id", UUID.class),
                row.getObject("quote_id", UUID.class),
                PriceLock.Status.valueOf(row.getString("status")),
                row.getString("reason"),
                total == null ? null : new Money(total, Currency.getInstance(currency)),
                row.getTimestamp("updated_at").toInstant());
    }
}
