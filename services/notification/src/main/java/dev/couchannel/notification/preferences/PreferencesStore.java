package dev.couchannel.notification.preferences;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Preferences in PostgreSQL; a user without a row has the defaults. */
@Repository
public class PreferencesStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    PreferencesStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Preferences of(String userId) {
        return jdbc.sql("""
                        SELECT locale, email_bookings, email_reminders, email_waitlist
                        FROM preferences WHERE user_id = :user""")
                .param("user", userId)
                .query((rs, n) ->
                        new Preferences(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)))
                .optional()
                .orElse(Preferences.DEFAULTS);
    }

    public void save(String userId, Preferences preferences) {
        jdbc.sql("""
                        INSERT INTO preferences (user_id, locale, email_bookings, email_reminders, email_waitlist, updated_at)
                        VALUES (:user, :locale, :bookings, :reminders, :waitlist, :now)
                        ON CONFLICT (user_id) DO UPDATE SET locale = EXCLUDED.locale,
                            email_bookings = EXCLUDED.email_bookings, email_reminders = EXCLUDED.email_reminders,
                            email_waitlist = EXCLUDED.email_waitlist, updated_at = EXCLUDED.updated_at""")
                .param("user", userId)
                .param("locale", preferences.locale())
                .param("bookings", preferences.bookings())
                .param("reminders", preferences.reminders())
                .param("waitlist", preferences.waitlist())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
