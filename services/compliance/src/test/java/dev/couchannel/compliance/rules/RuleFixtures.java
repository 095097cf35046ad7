package dev.couchannel.compliance.rules;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/** Showings and rules with domain names, as the seed migration defines the rules. */
public final class RuleFixtures {

    public static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z"); // a Monday
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private RuleFixtures() {}

    /** The next {@code day} after {@code from} at {@code time} London time. */
    public static Instant next(Instant from, DayOfWeek day, LocalTime time) {
        return ZonedDateTime.ofInstant(from, LONDON)
                .with(TemporalAdjusters.next(day))
                .with(time)
                .toInstant();
    }

    /** A Premier League match on a Tuesday evening, shown in a Notting Hill flat with a UK Sky subscription. */
    public static Facts londonFlat() {
        return new Facts(
                "session-1",
                "Premier League",
                next(NOW, DayOfWeek.TUESDAY, LocalTime.of(20, 0)),
                new BigDecimal("12.00"),
                8,
                6,
                VenueType.HOME,
                "GB",
                8,
                1,
                65,
                2,
                List.of(new StreamingPackage("Sky", Licence.RESIDENTIAL, "GB")),
                0);
    }

    public static Facts camdenClubRoom(Licence licence) {
        return new Facts(
                "session-2",
                "Premier League",
                next(NOW, DayOfWeek.TUESDAY, LocalTime.of(20, 0)),
                new BigDecimal("8.50"),
                40,
                40,
                VenueType.COMMERCIAL,
                "GB",
                40,
                2,
                120,
                8,
                List.of(new StreamingPackage("Sky", licence, "GB")),
                0);
    }

    public static Facts with(Facts facts, String competition, Instant kickoff) {
        return new Facts(
                facts.sessionId(),
                competition,
                kickoff,
                facts.pricePerSeat(),
                facts.sessionSeats(),
                facts.seatsLeft(),
                facts.venueType(),
                facts.territory(),
                facts.venueCapacity(),
                facts.screens(),
                facts.largestScreenInches(),
                facts.speakers(),
                facts.packages(),
                facts.bookedSeats());
    }

    public static Facts seats(Facts facts, int sessionSeats, int seatsLeft) {
        return new Facts(
                facts.sessionId(),
                facts.competition(),
                facts.kickoff(),
                facts.pricePerSeat(),
                sessionSeats,
                seatsLeft,
                facts.venueType(),
                facts.territory(),
                facts.venueCapacity(),
                facts.screens(),
                facts.largestScreenInches(),
                facts.speakers(),
                facts.packages(),
                facts.bookedSeats());
    }

    public static Rule rule(String id, RuleKind kind, RuleScope scope, Map<String, String> parameters, String reason) {
        return new Rule(id, 1, true, kind, scope, new RuleParameters(parameters), reason);
    }

    public static Rule ukBlackout() {
        return rule(
                "uk-3pm-blackout",
                RuleKind.BLACKOUT_WINDOW,
                new RuleScope("GB", "premier league|fa cup", null, null),
                Map.of("day", "SATURDAY", "from", "14:45", "to", "17:15", "zone", "Europe/London"),
                "No live football between {from} and {to} on a {day} in the UK; kickoff {kickoffLocal} (rule {rule}).");
    }

    public static Rule commercialNeedsCommercial() {
        return rule(
                "commercial-needs-commercial",
                RuleKind.COMMERCIAL_NEEDS_COMMERCIAL,
                new RuleScope(null, null, VenueType.COMMERCIAL, null),
                Map.of(),
                "Commercial premises need a commercial streaming package (rule {rule}).");
    }

    public static Rule attendeeCap() {
        return rule(
                "attendee-cap",
                RuleKind.ATTENDEE_CAP,
                RuleScope.ANY,
                Map.of("residentialLimit", "25", "commercialLimit", "2000"),
                "{attendees} people, limit {cap} ({limitedBy}) (rule {rule}).");
    }
}
