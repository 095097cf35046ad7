package dev.couchannel.notification.preferences;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
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
                        SELECT locale, time_zone, email_bookings, email_reminders, email_waitlist,
                               push_bookings, push_reminders, push_waitlist
                        FROM preferences WHERE user_id = :user""")
                .param("user", userId)
                .query((rs, n) -> new Preferences(
                        rs.getString("locale"),
                        ZoneId.of(rs.getString("time_zone")),
                        switches(rs, "email"),
                        switches(rs, "push")))
                .optional()
                .orElse(Preferences.DEFAULTS);
    }

    private static Preferences.Switches switches(ResultSet rs, String channel) throws SQLException {
        return new Preferences.Switches(
                rs.getBoolean(channel + "_bookings"),
                rs.getBoolean(channel + "_reminders"),
                rs.getBoolean(channel + "_waitlist"));
    }

    public void save(String userId, Preferences preferences) {
        jdbc.sql("""
                        INSERT INTO preferences (user_id, locale, time_zone, email_bookings, email_reminders,
                            email_waitlist, push_bookings, push_reminders, push_waitlist, updated_at)
                        VALUES (:user, :locale, :zone, :emailBookings, :emailReminders, :emailWaitlist,
                            :pushBookings, :pushReminders, :pushWaitlist, :now)
                        ON CONFLICT (user_id) DO UPDATE SET locale = EXCLUDED.locale, time_zone = EXCLUDED.time_zone,
                            email_bookings = EXCLUDED.email_bookings, email_reminders = EXCLUDED.email_reminders,
                            email_waitlist = EXCLUDED.email_waitlist, push_bookings = EXCLUDED.push_bookings,
                            push_reminders = EXCLUDED.push_reminders, push_waitlist = EXCLUDED.push_waitlist,
                            updated_at = EXCLUDED.updated_at""")
                .param("user", userId)
                .param("locale", preferences.locale())
                .param("zone", preferences.timeZone().getId())
                .param("emailBookings", preferences.email().bookings())
                .param("emailReminders", preferences.email().reminders())
                .param("emailWaitlist", preferences.email().waitlist())
                .param("pushBookings", preferences.push().bookings())
                .param("pushReminders", preferences.push().reminders())
                .param("pushWaitlist", preferences.push().waitlist())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
