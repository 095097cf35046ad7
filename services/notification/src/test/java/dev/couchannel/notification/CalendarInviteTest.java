package dev.couchannel.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.notification.facts.SessionFacts;
import dev.couchannel.notification.mail.CalendarInvite;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CalendarInviteTest {

    final SessionFacts facts = new SessionFacts(
            "s1",
            "Ekstraklasa",
            "Górnik Zabrze; the oldest",
            "Wisła Kraków, again",
            Instant.parse("2026-12-01T19:30:00Z"),
            "A very long venue name that keeps going and going so that the line must fold",
            "Main St 1",
            "Kraków");

    @Test
    void linesEndInCrlfAndNoneIsLongerThan75Octets() {
        String ics = CalendarInvite.of("b1", facts, Instant.parse("2026-11-01T00:00:00Z"));

        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded.split("\r\n"))
                .contains("UID:booking-b1@couchannel.dev")
                .contains("DTSTART:20261201T193000Z")
                .contains("DTEND:20261201T213000Z")
                .contains("SUMMARY:Górnik Zabrze\\; the oldest vs Wisła Kraków\\, again");
    }
}
