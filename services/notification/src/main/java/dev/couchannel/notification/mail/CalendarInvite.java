package dev.couchannel.notification.mail;

import dev.couchannel.notification.facts.SessionFacts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** An RFC 5545 calendar with one VEVENT for a booking: CRLF line endings, folded at 75 octets. */
public final class CalendarInvite {

    static final Duration LENGTH = Duration.ofHours(2);
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CalendarInvite() {}

    /** The UID is stable per booking, so a re-sent invite updates the same calendar entry. */
    public static String of(String bookingId, SessionFacts facts, Instant stamp) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//couchannel//notification//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:booking-" + bookingId + "@couchannel.dev");
        line(ics, "DTSTAMP:" + UTC.format(stamp));
        line(ics, "DTSTART:" + UTC.format(facts.kickoff()));
        line(ics, "DTEND:" + UTC.format(facts.kickoff().plus(LENGTH)));
        line(ics, "SUMMARY:" + escape(facts.match()));
        line(ics, "LOCATION:" + escape(facts.venueName() + ", " + facts.venueAddress() + ", " + facts.venueCity()));
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** Appends a content line, folded so no physical line exceeds 75 octets (RFC 5545 §3.1). */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int size = character.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.append(character);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}
