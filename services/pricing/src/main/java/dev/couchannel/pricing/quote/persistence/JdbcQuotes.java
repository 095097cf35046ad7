package dev.couchannel.pricing.quote.persistence;

import dev.couchannel.pricing.quote.Money;
import dev.couchannel.pricing.quote.Price;
import dev.couchannel.pricing.quote.Quote;
import dev.couchannel.pricing.quote.Quotes;
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
class JdbcQuotes implements Quotes {

    private static final String COLUMNS = "id, session_id, seats, guest_id, currency, subtotal, service_fee, vat, "
            + "total, vat_country, created_at, expires_at, locked_by";

    private final JdbcClient jdbc;

    JdbcQuotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Quote quote) {
        Price price = quote.price();
        jdbc.sql("""
                        INSERT INTO quotes (id, session_id, seats, guest_id, currency, subtotal, service_fee, vat, total,
                            vat_country, created_at, expires_at, locked_by)
                        VALUES (:id, :session, :seats, :guest, :currency, :subtotal, :fee, :vat, :total, :country,
                            :created, :expires, :lockedBy)
                        """)
                .param("id", quote.id())
                .param("session", quote.sessionId())
                .param("seats", quote.seats())
                .param("guest", quote.guestId())
                .param("currency", price.total().currency().getCurrencyCode())
                .param("subtotal", price.subtotal().amount())
                .param("fee", price.serviceFee().amount())
                .param("vat", price.vat().amount())
                .param("total", price.total().amount())
                .param("country", price.vatCountry())
                .param("created", Timestamp.from(quote.createdAt()))
                .param("expires", Timestamp.from(quote.expiresAt()))
                .param("lockedBy", quote.lockedBy().orElse(null), Types.OTHER)
                .update();
    }

    @Override
    public Optional<Quote> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM quotes WHERE id = :id")
                .param("id", id)
                .query(JdbcQuotes::quote)
                .optional();
    }

    @Override
    public Optional<Quote> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM quotes WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(JdbcQuotes::quote)
                .optional();
    }

    @Override
    public void save(Quote quote) {
        jdbc.sql("UPDATE quotes SET locked_by = :lockedBy WHERE id = :id")
                .param("id", quote.id())
                .param("lockedBy", quote.lockedBy().orElse(null), Types.OTHER)
                .update();
    }

    private static Quote quote(ResultSet row, int number) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        Price price = new Price(
                money(row.getBigDecimal("subtotal"), currency),
                money(row.getBigDecimal("service_fee"), currency),
                money(row.getBigDecimal("vat"), currency),
                money(row.getBigDecimal("total"), currency),
                BigDecimal.ONE, // the multiplier is not kept; the amounts are the contract
                row.getString("vat_country"));
        return new Quote(
                row.getObject("id", UUID.class),
                row.getObject("session_id", UUID.class),
                row.getInt("seats"),
                row.getString("guest_id"),
                price,
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("expires_at").toInstant(),
                row.getObject("locked_by", UUID.class));
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }
}
