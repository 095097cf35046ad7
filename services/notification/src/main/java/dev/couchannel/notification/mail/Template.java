package dev.couchannel.notification.mail;

import dev.couchannel.notification.preferences.Category;
import java.util.Locale;

/** What this service tells people (mostly mails), each in a category a user can turn off. */
public enum Template {
    BOOKING_CONFIRMED(Category.BOOKINGS),
    BOOKING_REJECTED(Category.BOOKINGS),
    BOOKING_CANCELLED(Category.BOOKINGS),
    /** The host cancelled the showing: every guest is refunded in full. */
    SESSION_CANCELLED(Category.BOOKINGS),
    /** The match was postponed, so its showings are cancelled with full refunds. */
    MATCH_POSTPONED(Category.BOOKINGS),
    WAITLIST_OFFER(Category.WAITLIST),
    REMINDER_H24(Category.REMINDERS),
    REMINDER_H2(Category.REMINDERS),
    /** A host's venue has a new rating (in the inbox and by push; never mailed). */
    RATING_CHANGED(Category.BOOKINGS),
    /** After the match: how likely is the guest to recommend us, 0 to 10 (analytics' NPS survey). */
    NPS_SURVEY(Category.BOOKINGS);

    private final Category category;

    Template(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }

    /** The prefix of its texts in {@code mail/messages*.properties}, e.g. {@code booking_confirmed}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
