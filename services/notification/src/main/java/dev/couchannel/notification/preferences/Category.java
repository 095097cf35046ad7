package dev.couchannel.notification.preferences;

import java.util.Locale;

/** A kind of mail a user can turn off. */
public enum Category {
    BOOKINGS,
    REMINDERS,
    WAITLIST;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
