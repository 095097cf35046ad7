package dev.couchannel.booking.reservation.persistence;

import dev.couchannel.booking.reservation.NoShow;
import dev.couchannel.booking.reservation.NoShows;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcNoShows implements NoShows {

    private final JdbcClient jdbc;

    JdbcNoShows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<NoShow> of(UUID bookingId) {
        return jdbc.sql("SELECT booking_id, session_id, guest_id, host_id, seats, marked_at FROM no_shows"
                        + " WHERE booking_id = ?")
                .param(bookingId)
                .query((rs, row) -> new NoShow(
                        rs.getObject("booking_id", UUID.class),
                        rs.getObject("session_id", UUID.class),
                        rs.getString("guest_id"),
                        rs.getString("host_id"),
                        rs.getInt("seats"),
                        rs.getTimestamp("marked_at").toInstant()))
                .optional();
    }

    @Override
    public List<NoShow> ofSession(UUID sessionId) {
        return jdbc.sql("SELECT booking_id, session_id, guest_id, host_id, seats, marked_at FROM no_shows"
                        + " WHERE session_id = ?")
                .param(sessionId)
                .query((rs, row) -> new NoShow(
                        rs.getObject("booking_id", UUID.class),
                        rs.getObject("session_id", UUID.class),
                        rs.getString("guest_id"),
                        rs.getString("host_id"),
                        rs.getInt("seats"),
                        rs.getTimestamp("marked_at").toInstant()))
                .list();
    }

    @Override
    public boolean add(NoShow noShow) {
        return jdbc.sql("INSERT INTO no_shows (booking_id, session_id, guest_id, host_id, seats, marked_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (booking_id) DO NOTHING")
                        .params(
                                noShow.bookingId(),
                                noShow.sessionId(),
                                noShow.guestId(),
                                noShow.hostId(),
                                noShow.seats(),
                                Timestamp.from(noShow.markedAt()))
                        .update()
                == 1;
    }
}
