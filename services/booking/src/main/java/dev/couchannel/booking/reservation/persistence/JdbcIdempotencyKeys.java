package dev.couchannel.booking.reservation.persistence;

import dev.couchannel.booking.reservation.IdempotencyKeys;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIdempotencyKeys implements IdempotencyKeys {

    private final JdbcClient jdbc;

    JdbcIdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Use> find(String guestId, String key) {
        return jdbc.sql("SELECT booking_id, request_hash FROM idempotency_keys WHERE guest_id = :guest AND key = :key")
                .param("guest", guestId)
                .param("key", key)
                .query((rs, n) -> new Use(rs.getObject("booking_id", UUID.class), rs.getString("request_hash")))
                .optional();
    }

    @Override
    public boolean tryLock(String guestId, String key) {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(:lock, 0))")
                .param("lock", guestId + "\n" + key)
                .query(Boolean.class)
                .single();
    }

    /** ON CONFLICT waits for a concurrent claim of the same key to commit, then reports it. */
    @Override
    public Optional<Use> claim(String guestId, String key, String requestHash, UUID bookingId, Instant now) {
        int claimed = jdbc.sql("""
                        INSERT INTO idempotency_keys (guest_id, key, request_hash, booking_id, created_at)
                        VALUES (:guest, :key, :hash, :booking, :now) ON CONFLICT DO NOTHING
                        """)
                .param("guest", guestId)
                .param("key", key)
                .param("hash", requestHash)
                .param("booking", bookingId)
                .param("now", Timestamp.from(now))
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return find(guestId, key);
    }

    @Override
    public int forgetUsedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        DELETE FROM idempotency_keys WHERE ctid IN (
                            SELECT ctid FROM idempotency_keys WHERE created_at < :cutoff LIMIT :limit)
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .update();
    }
}
