package dev.couchannel.notification.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The in-app inbox of each user, newest first. */
@Repository
public class InAppInbox {

    public record Entry(
            UUID id,
            String kind,
            String title,
            String body,
            @Nullable String link,
            Instant createdAt,
            boolean read) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    InAppInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds an entry once per dedupe key. */
    public void add(String userId, String dedupeKey, String kind, String title, String body, @Nullable String link) {
        jdbc.sql("""
                        INSERT INTO notifications (id, user_id, dedupe_key, kind, title, body, link, created_at)
                        VALUES (:id, :user, :key, :kind, :title, :body, :link, :now)
                        ON CONFLICT (dedupe_key) DO NOTHING""")
                .param("id", UUID.randomUUID())
                .param("user", userId)
                .param("key", dedupeKey)
                .param("kind", kind)
                .param("title", title)
                .param("body", body)
                .param("link", link)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public List<Entry> list(String userId, boolean unreadOnly, int page, int size) {
        return jdbc.sql("""
                        SELECT id, kind, title, body, link, created_at, read_at IS NOT NULL
                        FROM notifications
                        WHERE user_id = :user AND (NOT :unreadOnly OR read_at IS NULL)
                        ORDER BY created_at DESC, id DESC
                        LIMIT :size OFFSET :offset""")
                .param("user", userId)
                .param("unreadOnly", unreadOnly)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new Entry(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getBoolean(7)))
                .list();
    }

    public long unread(String userId) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :user AND read_at IS NULL")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    /** @return false when the user has no such entry (someone else's counts as none) */
    public boolean markRead(String userId, UUID id) {
        return jdbc.sql("""
                        UPDATE notifications SET read_at = COALESCE(read_at, :now)
                        WHERE id = :id AND user_id = :user""")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .param("user", userId)
                        .update()
                > 0;
    }

    public int markAllRead(String userId) {
        return jdbc.sql("UPDATE notifications SET read_at = :now WHERE user_id = :user AND read_at IS NULL")
                .param("now", Timestamp.from(clock.instant()))
                .param("user", userId)
                .update();
    }
}
