package dev.couchannel.inventory.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ICalCalendarTest {

    @Test
    void readsEventsInUtcOrWithAZoneAndTheFallbacks() {
        ParsedCalendar calendar = ICalCalendar.parse("""
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                BEGIN:VEVENT\r
                UID:1@example.com\r
                SUMMARY:Arsenal vs Chelsea\r
                DTSTART:20261128T150000Z\r
                X-COUCHANNEL-COMPETITION:Premier League\r
                X-COUCHANNEL-TERRITORY:GB\r
                X-COUCHANNEL-BROADCASTER:Sky\r
                  Sports\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                SUMMARY:Legia Warszawa - Lech Poznań\r
                DTSTART;TZID=Europe/Warsaw:20260715T203000\r
                CATEGORIES:Ekstraklasa,Football\r
                LOCATION:Warszawa\\, Łazienkowska 3\\, PL\r
                END:VEVENT\r
                END:VCALENDAR\r
                """);

        assertThat(calendar.problems()).isEmpty();
        assertThat(calendar.fixtures()).hasSize(2);
        Fixture arsenal = calendar.fixtures().getFirst();
        assertThat(arsenal.homeTeam()).isEqualTo("Arsenal");
        assertThat(arsenal.awayTeam()).isEqualTo("Chelsea");
        assertThat(arsenal.kickoff()).isEqualTo(Instant.parse("2026-11-28T15:00:00Z"));
        assertThat(arsenal.broadcaster()).isEqualTo("Sky Sports");
        Fixture legia = calendar.fixtures().get(1);
        assertThat(legia.competition()).isEqualTo("Ekstraklasa");
        assertThat(legia.territory()).isEqualTo("PL");
        assertThat(legia.kickoff()).isEqualTo(Instant.parse("2026-07-15T18:30:00Z"));
    }

    @Test
    void namesTheLineOfEveryBadProperty() {
        ParsedCalendar calendar = ICalCalendar.parse("""
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                SUMMARY:Arsenal at Chelsea
                DTSTART:20261128T150000
                X-COUCHANNEL-COMPETITION:Premier League
                X-COUCHANNEL-TERRITORY:GB
                END:VEVENT
                BEGIN:VEVENT
                SUMMARY:Arsenal vs Chelsea
                DTSTART;TZID=Mars/Olympus:20261128T150000
                END:VEVENT
                BEGIN:VEVENT
                SUMMARY:Arsenal vs Chelsea
                DTSTART;VALUE=DATE:20261128
                CATEGORIES:Premier League
                X-COUCHANNEL-TERRITORY:UK
                END:VEVENT
                END:VCALENDAR
                """);

        assertThat(calendar.valid()).isFalse();
        assertThat(calendar.fixtures()).isEmpty();
        assertThat(calendar.problems())
                .extracting(LineProblem::line, problem -> problem.problem().substring(0, 12))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "SUMMARY must"),
                        org.assertj.core.groups.Tuple.tuple(4, "DTSTART 2026"),
                        org.assertj.core.groups.Tuple.tuple(8, "This VEVENT "),
                        org.assertj.core.groups.Tuple.tuple(8, "This VEVENT "),
                        org.assertj.core.groups.Tuple.tuple(10, "TZID 'Mars/O"),
                        org.assertj.core.groups.Tuple.tuple(14, "DTSTART must"),
                        org.assertj.core.groups.Tuple.tuple(16, "territory mu"));
    }

    @Test
    void refusesWhatIsNoCalendar() {
        assertThat(ICalCalendar.parse("hello world\n").problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.line()).isEqualTo(1));
        assertThat(ICalCalendar.parse("BEGIN:VCALENDAR\nEND:VCALENDAR\n").problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.problem()).contains("no VEVENT"));
    }
}
