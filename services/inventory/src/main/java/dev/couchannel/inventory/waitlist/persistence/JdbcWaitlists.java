package dev.couchannel.inventory.waitlist.persistence;

import dev.couchannel.inventory.waitlist.EntryStatus;
import dev.couchannel.inventory.waitlist.OfferStatus;
import dev.couchannel.inventory.waitlist.WaitlistEntry;
import dev.couchannel.inventory.waitlist.WaitlistOffer;
import dev.couchannel.inventory.waitlist.Waitlists;
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
class JdbcWaitlists implements Waitlists {

    private static final String ENTRY =
            "SELECT id, session_id, guest_id, seats, status, joined_at, updated_at " + "FROM waitlist_entries ";
    private static final String OFFER = "SELECT id, entry_id, session_id, guest_id, seats, status, booking_id, "
            + "expires_at, created_at, updated_at FROM waitlist_offers ";

    private final JdbcClient jdbc;

    JdbcWaitlists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(WaitlistEntry entry) {
        jdbc.sql("""
                        INSERT INTO waitlist_entries (id, session_id, guest_id, seats, status, joined_at, updated_at)
                        VALUES (:id, :session, :guest, :seats, :status, :joined, :updated)
                        """)
                .param("id", entry.id())
                .param("session", entry.sessionId())
                .param("guest", entry.guestId())
                .param("seats", entry.seats())
                .param("status", entry.status().name())
                .param("joined", Timestamp.from(entry.joinedAt()))
                .param("updated", Timestamp.from(entry.updatedAt()))
                .update();
    }

    @Override
    public void save(WaitlistEntry entry) {
        jdbc.sql("UPDATE waitlist_entries SET status = :status, updated_at = :updated WHERE id = :id")
                .param("id", entry.id())
                .param("status", entry.status().name())
                .param("updated", Timestamp.from(entry.updatedAt()))
                .update();
    }

    @Override
    public void add(WaitlistOffer offer) {
        jdbc.sql("""
                        INSERT INTO waitlist_offers (id, entry_id, session_id, guest_id, seats, status, booking_id,
                            expires_at, created_at, updated_at)
                        VALUES (:id, :entry, :session, :guest, :seats, :status, :booking, :expires, :created, :updated)
                        """)
                .param("id", offer.id())
                .param("entry", offer.entryId())
                .param("session", offer.sessionId())
                .param("guest", offer.guestId())
                .param("seats", offer.seats())
                .param("status", offer.status().name())
                .param("booking", offer.bookingId())
                .param("expires", Timestamp.from(offer.expiresAt()))
                .param("created", Timestamp.from(offer.createdAt()))
                .param("updated", Timestamp.from(offer.updatedAt()))
                .update();
    }

    @Override
    public void save(WaitlistOffer offer) {
        jdbc.sql("""
                        UPDATE waitlist_offers SET status = :status, booking_id = :booking, updated_at = :updated
                        WHERE id = :id
                        """)
                .param("id", offer.id())
                .param("status", offer.status().name())
                .param("booking", offer.bookingId())
                .param("updated", Timestamp.from(offer.updatedAt()))
                .update();
    }

    @Override
    public Optional<WaitlistEntry> lockActive(UUID sessionId, String guestId) {
        return jdbc.sql(ENTRY + "WHERE session_id = :session AND guest_id = :guest "
                        + "AND status IN ('WAITING', 'OFFERED') FOR UPDATE")
                .param("session", sessionId)
                .param("guest", guestId)
                .query(JdbcWaitlists::entry)
                .optional();
    }

    @Override
    public Optional<WaitlistEntry> latest(UUID sessionId, String guestId) {
        return jdbc.sql(ENTRY + "WHERE session_id = :session AND guest_id = :guest ORDER BY line_number DESC LIMIT 1")
                .param("session", sessionId)
                .param("guest", guestId)
                .query(JdbcWaitlists::entry)
                .optional();
    }

    @Override
    public Optional<WaitlistEntry> lockEntry(UUID entryId) {
        return jdbc.sql(ENTRY + "WHERE id = :id FOR UPDATE")
                .param("id", entryId)
                .query(JdbcWaitlists::entry)
                .optional();
    }

    @Override
    public List<WaitlistEntry> lockWaiting(UUID sessionId) {
        return jdbc.sql(ENTRY + "WHERE session_id = :session AND status = 'WAITING' ORDER BY line_number FOR UPDATE")
                .param("session", sessionId)
                .query(JdbcWaitlists::entry)
                .list();
    }

    @Override
    public List<WaitlistEntry> lockActiveOf(UUID sessionId) {
        return jdbc.sql(ENTRY + "WHERE session_id = :session AND status IN ('WAITING', 'OFFERED') "
                        + "ORDER BY line_number FOR UPDATE")
                .param("session", sessionId)
                .query(JdbcWaitlists::entry)
                .list();
    }

    @Override
    public boolean anyWaiting(UUID sessionId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM waitlist_entries WHERE session_id = :session "
                        + "AND status = 'WAITING')")
                .param("session", sessionId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public int position(WaitlistEntry entry) {
        return jdbc.sql("""
                        SELECT count(*) FROM waitlist_entries
                        WHERE session_id = :session AND status = 'WAITING'
                          AND line_number <= (SELECT line_number FROM waitlist_entries WHERE id = :id)
                        """)
                .param("session", entry.sessionId())
                .param("id", entry.id())
                .query(Integer.class)
                .single();
    }

    @Override
    public Optional<WaitlistOffer> lockOffer(UUID offerId) {
        return jdbc.sql(OFFER + "WHERE id = :id FOR UPDATE")
                .param("id", offerId)
                .query(JdbcWaitlists::offer)
                .optional();
    }

    @Override
    public Optional<WaitlistOffer> findOffer(UUID offerId) {
        return jdbc.sql(OFFER + "WHERE id = :id")
                .param("id", offerId)
                .query(JdbcWaitlists::offer)
                .optional();
    }

    @Override
    public Optional<WaitlistOffer> lockOpenOfferOf(UUID entryId) {
        return jdbc.sql(OFFER + "WHERE entry_id = :entry AND status = 'OPEN' FOR UPDATE")
                .param("entry", entryId)
                .query(JdbcWaitlists::offer)
                .optional();
    }

    @Override
    public Optional<WaitlistOffer> openOfferOf(UUID entryId) {
        return jdbc.sql(OFFER + "WHERE entry_id = :entry AND status = 'OPEN'")
                .param("entry", entryId)
                .query(JdbcWaitlists::offer)
                .optional();
    }

    @Override
    public List<WaitlistOffer> lockOpenOffersOf(UUID sessionId) {
        return jdbc.sql(OFFER + "WHERE session_id = :session AND status = 'OPEN' ORDER BY id FOR UPDATE")
                .param("session", sessionId)
                .query(JdbcWaitlists::offer)
                .list();
    }

    @Override
    public List<UUID> dueOffers(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM waitlist_offers WHERE status = 'OPEN' AND expires_at <= :now "
                        + "ORDER BY expires_at LIMIT :limit")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    @Override
    public List<UUID> sessionsToServe(int limit) {
        return jdbc.sql("""
                        SELECT s.id FROM viewing_sessions s
                        WHERE s.status = 'PUBLISHED' AND s.seats_free > 0
                          AND EXISTS (SELECT 1 FROM waitlist_entries e
                                      WHERE e.session_id = s.id AND e.status = 'WAITING' AND e.seats <= s.seats_free)
                        LIMIT :limit
                        """).param("limit", limit).query(UUID.class).list();
    }

    private static WaitlistEntry entry(ResultSet rs, int row) throws SQLException {
        return new WaitlistEntry(
                rs.getObject("id", UUID.class),
                rs.getObject("session_id", UUID.class),
                rs.getString("guest_id"),
                rs.getInt("seats"),
                EntryStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("joined_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static WaitlistOffer offer(ResultSet rs, int row) throws SQLException {
        return new WaitlistOffer(
                rs.getObject("id", UUID.class),
                rs.getObject("entry_id", UUID.class),
                rs.getObject("session_id", UUID.class),
                rs.getString("guest_id"),
                rs.getInt("seats"),
                OfferStatus.valueOf(rs.getString("status")),
                rs.getObject("booking_id", UUID.class),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
