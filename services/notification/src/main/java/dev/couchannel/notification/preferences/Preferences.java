package dev.couchannel.notification.preferences;

/** The mail language ({@code en} or {@code pl}) and which categories of mail a user receives. */
public record Preferences(String locale, boolean bookings, boolean reminders, boolean waitlist) {

    public static final Preferences DEFAULTS = new Preferences("en", true, true, true);

    public boolean wants(Category category) {
        return switch (category) {
            case BOOKINGS -> bookings;
            case REMINDERS -> reminders;
            case WAITLIST -> waitlist;
        };
    }

    public Preferences without(Category category) {
        return new Preferences(
                locale,
                bookings && category != Category.BOOKINGS,
                reminders && category != Category.REMINDERS,
                waitlist && category != Category.WAITLIST);
    }
}
