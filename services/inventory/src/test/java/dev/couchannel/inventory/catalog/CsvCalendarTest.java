package dev.couchannel.inventory.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsvCalendarTest {

    @Test
    void readsOneFixturePerLineWithAStableId() {
        ParsedCalendar calendar = CsvCalendar.parse("""
                competition,homeTeam,awayTeam,kickoff,territory,broadcaster
                Premier League,Arsenal,Chelsea,2026-11-28T15:00:00Z,GB,Sky Sports
                Ekstraklasa,"Legia Warszawa","Lech ""Kolejorz"" Poznań",2026-11-29T18:30:00+01:00,PL,
                """);

        assertThat(calendar.problems()).isEmpty();
        assertThat(calendar.fixtures()).hasSize(2);
        Fixture first = calendar.fixtures().getFirst();
        assertThat(first.kickoff()).isEqualTo(Instant.parse("2026-11-28T15:00:00Z"));
        assertThat(first.broadcaster()).isEqualTo("Sky Sports");
        assertThat(first.id())
                .isEqualTo(Fixture.identify(
                        "premier league", " Arsenal", "CHELSEA", Instant.parse("2026-11-28T15:00:00Z")));
        Fixture second = calendar.fixtures().get(1);
        assertThat(second.awayTeam()).isEqualTo("Lech \"Kolejorz\" Poznań");
        assertThat(second.kickoff()).isEqualTo(Instant.parse("2026-11-29T17:30:00Z"));
        assertThat(second.broadcaster()).isNull();
    }

    @Test
    void namesEveryBadLineAndWhatToFix() {
        ParsedCalendar calendar = CsvCalendar.parse("""
                competition,homeTeam,awayTeam,kickoff,territory
                Premier League,Arsenal,Chelsea,2026-11-28T15:00:00Z,GB
                Premier League,Arsenal,Chelsea,2026-11-28 15:00,GB

                Premier League,Arsenal,Arsenal,2026-11-28T15:00:00Z,XX
                Premier League,Arsenal,Chelsea
                ,Arsenal,"Chelsea,2026-11-28T15:00:00Z,GB
                """);

        assertThat(calendar.valid()).isFalse();
        assertThat(calendar.problems()).extracting(LineProblem::line).containsExactly(3, 5, 6, 7);
        assertThat(calendar.problems().get(0).problem()).contains("kickoff must be ISO-8601");
        assertThat(calendar.problems().get(1).problem())
                .contains("same team")
                .contains("territory must be an ISO 3166 alpha-2");
        assertThat(calendar.problems().get(2).problem())
                .contains("expected 5 fields")
                .contains("found 3");
        assertThat(calendar.problems().get(3).problem()).contains("not closed");
    }

    @Test
    void needsTheHeaderAndAFixture() {
        assertThat(CsvCalendar.parse("Premier League,Arsenal,Chelsea,2026-11-28T15:00:00Z,GB\n")
                        .problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.problem()).contains("header"));
        assertThat(CsvCalendar.parse("competition,homeTeam,awayTeam,kickoff,territory\n")
                        .problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.problem()).contains("no fixture"));
        assertThat(CsvCalendar.parse("\n  \n").problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.problem()).contains("empty"));
    }
}
