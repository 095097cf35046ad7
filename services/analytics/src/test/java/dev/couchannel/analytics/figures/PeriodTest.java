package dev.couchannel.analytics.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-21"); // a Saturday

    static Period valid(String from, String to, String interval) {
        Period.Parsed parsed = Period.parse(from, to, interval, TODAY);
        assertThat(parsed).isInstanceOf(Period.Parsed.Valid.class);
        return ((Period.Parsed.Valid) parsed).period();
    }

    static String invalidParameter(String from, String to, String interval) {
        Period.Parsed parsed = Period.parse(from, to, interval, TODAY);
        assertThat(parsed).isInstanceOf(Period.Parsed.Invalid.class);
        return ((Period.Parsed.Invalid) parsed).problems().getFirst().parameter();
    }

    @Test
    void withoutParametersItIsTheLastThirtyDaysByDay() {
        Period period = valid(null, null, null);

        assertThat(period.from()).isEqualTo(LocalDate.parse("2026-10-23"));
        assertThat(period.to()).isEqualTo(TODAY);
        assertThat(period.interval()).isEqualTo(Interval.DAY);
        assertThat(period.points()).hasSize(30).first().isEqualTo(period.from());
        assertThat(period.start()).isEqualTo(Instant.parse("2026-10-23T00:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
    }

    @Test
    void weeksStartOnMondayWithNoGaps() {
        Period period = valid("2026-11-04", "2026-11-21", "week");

        assertThat(period.points())
                .containsExactly(
                        LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-16"));
        assertThat(period.points())
                .allSatisfy(day -> assertThat(day.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY));
    }

    @Test
    void aYearIsTheLongestPeriod() {
        assertThat(valid("2024-01-01", "2024-12-31", "day").points()).hasSize(366);
        assertThat(invalidParameter("2016-01-01", "2026-01-01", "day")).isEqualTo("to");
        assertThat(invalidParameter("2025-01-01", "2026-01-03", "week")).isEqualTo("to");
    }

    @Test
    void badParametersAreNamed() {
        assertThat(invalidParameter("2026-11-10", "2026-11-01", null)).isEqualTo("from");
        assertThat(invalidParameter(null, null, "hour")).isEqualTo("interval");
        assertThat(invalidParameter("2026-02-30", null, null)).isEqualTo("from");
        assertThat(invalidParameter(null, "soon", null)).isEqualTo("to");
        Period.Parsed both = Period.parse("x", "y", "z", TODAY);
        assertThat(((Period.Parsed.Invalid) both).problems())
                .extracting(Period.Problem::parameter)
                .containsExactlyInAnyOrder("from", "to", "interval");
    }
}
