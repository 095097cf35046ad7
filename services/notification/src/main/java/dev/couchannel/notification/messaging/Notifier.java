package dev.couchannel.notification.messaging;

import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.analytics.v1.NpsSurveyRequested;
import dev.couchannel.contracts.booking.v1.BookingCancelled;
import dev.couchannel.contracts.booking.v1.BookingConfirmed;
import dev.couchannel.contracts.booking.v1.BookingRejected;
import dev.couchannel.contracts.inventory.v1.WaitlistOfferMade;
import dev.couchannel.contracts.review.v1.RatingChanged;
import dev.couchannel.notification.facts.SessionFacts;
import dev.couchannel.notification.inbox.InAppInbox;
import dev.couchannel.notification.mail.CalendarInvite;
import dev.couchannel.notification.mail.MailComposer;
import dev.couchannel.notification.mail.MailOutbox;
import dev.couchannel.notification.mail.Template;
import dev.couchannel.notification.preferences.Preferences;
import dev.couchannel.notification.preferences.PreferencesStore;
import dev.couchannel.notification.push.WebPush;
import dev.couchannel.notification.reminders.Reminders;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What each event means for its guest: an in-app entry always, a mail unless they turned its
 * category off, and for a confirmation the kickoff reminders. Runs inside the caller's
 * transaction (the inbox's, a deferred event's or a reminder's); every write is keyed so a repeat
 * changes nothing.
 */
@Component
public class Notifier {

    private final MailComposer composer;
    private final MailOutbox mails;
    private final InAppInbox inbox;
    private final PreferencesStore preferences;
    private final Reminders reminders;
    private final WebPush push;

    Notifier(
            MailComposer composer,
            MailOutbox mails,
            InAppInbox inbox,
            PreferencesStore preferences,
            Reminders reminders,
            WebPush push) {
        this.push = push;
        this.composer = composer;
        this.mails = mails;
        this.inbox = inbox;
        this.preferences = preferences;
        this.reminders = reminders;
    }

    /** The session an event needs facts of, or null when it needs none. */
    static @Nullable String sessionOf(CloudEvent event) {
        return switch (event.type()) {
            case "couchannel.booking.v1.BookingConfirmed" ->
                ProtobufEvents.unwrap(event, BookingConfirmed.parser()).getSessionId();
            case "couchannel.booking.v1.BookingRejected" ->
                ProtobufEvents.unwrap(event, BookingRejected.parser()).getSessionId();
            case "couchannel.booking.v1.BookingCancelled" ->
                ProtobufEvents.unwrap(event, BookingCancelled.parser()).getSessionId();
            case "couchannel.inventory.v1.WaitlistOfferMade" ->
                ProtobufEvents.unwrap(event, WaitlistOfferMade.parser()).getSessionId();
            case "couchannel.analytics.v1.NpsSurveyRequested" ->
                ProtobufEvents.unwrap(event, NpsSurveyRequested.parser()).getSessionId();
            default -> null;
        };
    }

    /** Handles an event that needs facts, with the facts of its session. */
    public void handle(CloudEvent event, SessionFacts facts) {
        switch (event.type()) {
            case "couchannel.booking.v1.BookingConfirmed" -> {
                BookingConfirmed confirmed = ProtobufEvents.unwrap(event, BookingConfirmed.parser());
                String ics = CalendarInvite.of(confirmed.getBookingId(), facts, event.time());
                notify(
                        event.id(),
                        Template.BOOKING_CONFIRMED,
                        confirmed.getGuestId(),
                        ics,
                        facts,
                        confirmed.getSeats(),
                        "");
                reminders.schedule(
                        confirmed.getBookingId(), confirmed.getSessionId(), confirmed.getGuestId(), facts.kickoff());
            }
            case "couchannel.booking.v1.BookingRejected" -> {
                BookingRejected rejected = ProtobufEvents.unwrap(event, BookingRejected.parser());
                notify(
                        event.id(),
                        Template.BOOKING_REJECTED,
                        rejected.getGuestId(),
                        null,
                        facts,
                        0,
                        rejected.getReason());
            }
            case "couchannel.booking.v1.BookingCancelled" -> {
                BookingCancelled cancelled = ProtobufEvents.unwrap(event, BookingCancelled.parser());
                String refund = cancelled.hasRefund()
                        ? cancelled.getRefund().getAmount() + " "
                                + cancelled.getRefund().getCurrency()
                        : "0";
                reminders.cancelBooking(cancelled.getBookingId());
                // the guest did not choose this one: say who did and that the refund is in full
                Template template =
                        switch (cancelled.getCancelledBy()) {
                            case "HOST" -> Template.SESSION_CANCELLED;
                            case "FIXTURE_POSTPONED" -> Template.MATCH_POSTPONED;
                            default -> Template.BOOKING_CANCELLED;
                        };
                notify(event.id(), template, cancelled.getGuestId(), null, facts, cancelled.getSeats(), refund);
            }
            case "couchannel.inventory.v1.WaitlistOfferMade" -> {
                WaitlistOfferMade offer = ProtobufEvents.unwrap(event, WaitlistOfferMade.parser());
                notify(
                        event.id(),
                        Template.WAITLIST_OFFER,
                        offer.getGuestId(),
                        null,
                        facts,
                        offer.getSeats(),
                        WireTime.toInstant(offer.getExpiresAt()));
            }
            case "couchannel.analytics.v1.NpsSurveyRequested" ->
                survey(event.id(), ProtobufEvents.unwrap(event, NpsSurveyRequested.parser()), facts);
            default -> {
                // nothing to tell anyone
            }
        }
    }

    /**
     * Asks the guest for their score: an inbox entry linking to the survey page, and a mail with a
     * link per score (0–10). Opening a link records nothing; the page asks to confirm (ADR 19).
     */
    private void survey(String key, NpsSurveyRequested survey, SessionFacts facts) {
        String user = survey.getGuestId().toLowerCase(Locale.ROOT);
        Preferences wanted = preferences.of(user);
        String locale = wanted.locale();
        Object[] args = {
            facts.match(), MailComposer.time(facts.kickoff(), locale, wanted.timeZone()), facts.location(), 0, ""
        };
        String dedupe = key + ":" + Template.NPS_SURVEY.name();
        String title = composer.text(Template.NPS_SURVEY, "heading", locale, args);
        String body = composer.text(Template.NPS_SURVEY, "body", locale, args);
        inbox.add(user, dedupe, Template.NPS_SURVEY.name(), title, body, survey.getSurveyUrl());
        if (wanted.email().wants(Template.NPS_SURVEY.category())) {
            List<MailComposer.Link> links = new ArrayList<>();
            for (int score = 0; score < survey.getScoreUrlsCount(); score++) {
                links.add(new MailComposer.Link(String.valueOf(score), survey.getScoreUrls(score)));
            }
            mails.enqueue(composer.compose(dedupe, Template.NPS_SURVEY, user, locale, null, links, args));
        }
    }

    /**
     * Tells a host their venue's rating changed: an inbox entry (and a push), no mail. Keyed by venue
     * and version, so a repeated event changes nothing.
     */
    public void rated(RatingChanged rating) {
        String host = rating.getHostId().toLowerCase(Locale.ROOT);
        Preferences wanted = preferences.of(host);
        Object[] args = {
            String.format(Locale.forLanguageTag(wanted.locale()), "%.1f", rating.getAverage()), rating.getCount()
        };
        String title = composer.text(Template.RATING_CHANGED, "heading", wanted.locale(), args);
        String body = composer.text(Template.RATING_CHANGED, "body", wanted.locale(), args);
        String link = "/host/venues/" + rating.getVenueId();
        String dedupe = "rating:" + rating.getVenueId() + ":" + rating.getVersion();
        inbox.add(host, dedupe, Template.RATING_CHANGED.name(), title, body, link);
        if (wanted.push().wants(Template.RATING_CHANGED.category())) {
            push.enqueue(host, dedupe, new WebPush.Message(title, body, link, Template.RATING_CHANGED.name()));
        }
    }

    /** Queues the mail and inbox entry of a due reminder. */
    public void remind(Reminders.Reminder reminder, SessionFacts facts) {
        Template template = reminder.kind() == Reminders.Kind.H24 ? Template.REMINDER_H24 : Template.REMINDER_H2;
        notify("reminder:" + reminder.id(), template, reminder.guestId(), null, facts, 0, "");
    }

    /**
     * @param detail the template's own fact ({4}): a reason, a refund, or a moment (an {@link
     *     Instant}, written in the user's time zone)
     */
    private void notify(
            String key,
            Template template,
            String guest,
            @Nullable String ics,
            SessionFacts facts,
            int seats,
            Object detail) {
        String user = guest.toLowerCase(Locale.ROOT);
        Preferences wanted = preferences.of(user);
        String locale = wanted.locale();
        Object[] args = {
            facts.match(),
            MailComposer.time(facts.kickoff(), locale, wanted.timeZone()),
            facts.location(),
            seats,
            detail instanceof Instant moment ? MailComposer.time(moment, locale, wanted.timeZone()) : detail
        };
        String dedupe = key + ":" + template.name();
        String title = composer.text(template, "heading", locale, args);
        String body = composer.text(template, "body", locale, args);
        String link = "/sessions/" + facts.sessionId();
        inbox.add(user, dedupe, template.name(), title, body, link);
        if (wanted.email().wants(template.category())) {
            mails.enqueue(composer.compose(dedupe, template, user, locale, ics, args));
        }
        if (wanted.push().wants(template.category())) {
            push.enqueue(user, dedupe, new WebPush.Message(title, body, link, template.name()));
        }
    }
}
