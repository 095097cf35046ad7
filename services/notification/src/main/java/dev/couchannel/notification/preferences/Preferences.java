package dev.couchannel.notification.preferences;

import java.time.ZoneId;

/**
 * How a user wants to hear from couchannel: the language ({@code en} or {@code pl}) and time zone
 * of what we write, and which categories reach them by e-mail and by web push. The in-app inbox
 * always gets everything.
 */
public record Preferences(String locale, ZoneId timeZone, Switches email, Switches push) {

    public static final ZoneId UTC = ZoneId.of("UTC");

    public static final Preferences DEFAULTS = new Preferences("en", UTC, Switches.ALL, Switches.ALL);

    /** Which categories a channel carries. */
    public record Switches(boolean bookings, boolean reminders, boolean waitlist) {

        public static final Switches ALL = new Switches(true, true, true);

        public boolean wants(Category category) {
            return switch (category) {
                case BOOKINGS -> bookings;
                case REMINDERS -> reminders;
                case WAITLIST -> waitlist;
            };
        }

        Switches without(Category category) {
            return new Switches(
                    bookings && category != Category.BOOKINGS,
                    reminders && category != Category.REMINDERS,
                    waitlist && category != Category.WAITLIST);
        }
    }

    /** The same, without mail of {@code category} (the one-click unsubscribe of a mail). */
    public Preferences withoutMail(Category category) {
        return new Preferences(locale, timeZone, email.without(category), push);
    }
}
