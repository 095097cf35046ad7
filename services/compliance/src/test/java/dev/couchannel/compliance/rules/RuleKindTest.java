package dev.couchannel.compliance.rules;

import static dev.couchannel.compliance.rules.RuleFixtures.NOW;
import static dev.couchannel.compliance.rules.RuleFixtures.camdenClubRoom;
import static dev.couchannel.compliance.rules.RuleFixtures.londonFlat;
import static dev.couchannel.compliance.rules.RuleFixtures.next;
import static dev.couchannel.compliance.rules.RuleFixtures.seats;
import static dev.couchannel.compliance.rules.RuleFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each evaluator, with facts that keep the rule and facts that break it. */
class RuleKindTest {

    @Test
    void residentialPersonalUseAllowsPaidSeatsOnlyWhenThePriceCoversHospitality() {
        assertThat(RuleKind.RESIDENTIAL_PERSONAL_USE.violation(
                        params("paidSeatsCoverHospitality", "true"), londonFlat(), NOW))
                .isEmpty();
        assertThat(RuleKind.RESIDENTIAL_PERSONAL_USE.violation(
                        params("paidSeatsCoverHospitality", "false"), londonFlat(), NOW))
                .isPresent();
        assertThat(RuleKind.RESIDENTIAL_PERSONAL_USE.violation(
                        params("paidSeatsCoverHospitality", "false"), free(londonFlat()), NOW))
                .as("a free home session charges for nothing")
                .isEmpty();
    }

    @Test
    void aResidentialPackageMustBeFromTheVenuesCountry() {
        assertThat(RuleKind.PACKAGE_COUNTRY_MATCHES_VENUE.violation(params(), londonFlat(), NOW))
                .isEmpty();

        Facts polishSubscriptionInLondon =
                packages(londonFlat(), List.of(new StreamingPackage("Canal+", Licence.RESIDENTIAL, "PL")));

        assertThat(RuleKind.PACKAGE_COUNTRY_MATCHES_VENUE.violation(params(), polishSubscriptionInLondon, NOW))
                .hasValue(Map.of("packageCountries", "PL", "venueCountry", "GB"));
    }

    @Test
    void commercialPremisesNeedACommercialPackage() {
        assertThat(RuleKind.COMMERCIAL_NEEDS_COMMERCIAL.violation(params(), camdenClubRoom(Licence.COMMERCIAL), NOW))
                .isEmpty();
        assertThat(RuleKind.COMMERCIAL_NEEDS_COMMERCIAL.violation(params(), camdenClubRoom(Licence.RESIDENTIAL), NOW))
                .isPresent();
    }

    @Test
    void liveOnlyRefusesOnceTheMatchIsOver() {
        Facts facts = londonFlat();
        RuleParameters twoAndAHalfHours = params("matchMinutes", "150");

        assertThat(RuleKind.LIVE_ONLY.violation(
                        twoAndAHalfHours, facts, facts.kickoff().plus(Duration.ofMinutes(149))))
                .isEmpty();
        assertThat(RuleKind.LIVE_ONLY.violation(
                        twoAndAHalfHours, facts, facts.kickoff().plus(Duration.ofMinutes(151))))
                .isPresent();
    }

    @Test
    void theBlackoutCoversSaturdayKickoffsFromQuarterToThreeUntilQuarterPastFiveLondonTime() {
        RuleParameters blackout = params("day", "SATURDAY", "from", "14:45", "to", "17:15", "zone", "Europe/London");

        assertThat(RuleKind.BLACKOUT_WINDOW.violation(blackout, kickoff(DayOfWeek.SATURDAY, 15, 0), NOW))
                .hasValueSatisfying(values -> assertThat(values).containsEntry("kickoffLocal", "15:00"));
        assertThat(RuleKind.BLACKOUT_WINDOW.violation(blackout, kickoff(DayOfWeek.SATURDAY, 14, 45), NOW))
                .isPresent();
        assertThat(RuleKind.BLACKOUT_WINDOW.violation(blackout, kickoff(DayOfWeek.SATURDAY, 12, 30), NOW))
                .isEmpty();
        assertThat(RuleKind.BLACKOUT_WINDOW.violation(blackout, kickoff(DayOfWeek.SATURDAY, 17, 15), NOW))
                .isEmpty();
        assertThat(RuleKind.BLACKOUT_WINDOW.violation(blackout, kickoff(DayOfWeek.SUNDAY, 15, 0), NOW))
                .isEmpty();
    }

    @Test
    void theBlackoutReadsLocalTimeInSummerToo() {
        RuleParameters blackout = params("day", "SATURDAY", "from", "14:45", "to", "17:15", "zone", "Europe/London");
        // 14:00 UTC on a summer Saturday is 15:00 in London
        Facts summer = with(londonFlat(), "Premier League", java.time.Instant.parse("2026-08-22T14:00:00Z"));

        assertThat(RuleKind.BLACKOUT_WINDOW.violation(blackout, summer, NOW)).isPresent();
    }

    @Test
    void aTournamentShowingAboveTheThresholdNeedsAPublicViewingLicence() {
        RuleParameters threshold = params("maxAttendees", "150");
        Facts club = seats(camdenClubRoom(Licence.COMMERCIAL), 400, 300);

        assertThat(RuleKind.ATTENDEE_THRESHOLD.violation(threshold, club.forBooking(50), NOW))
                .as("100 sold or held")
                .isEmpty();
        assertThat(RuleKind.ATTENDEE_THRESHOLD.violation(
                        threshold, seats(club, 400, 240).forBooking(2), NOW))
                .hasValueSatisfying(values -> assertThat(values).containsEntry("attendees", "160"));
        assertThat(RuleKind.ATTENDEE_THRESHOLD.violation(threshold, club, NOW))
                .as("publishing: every seat could sell")
                .isPresent();
    }

    @Test
    void us1105NeedsALicenceBeyondTheEquipmentExemption() {
        RuleParameters exemption =
                params("maxScreens", "4", "maxScreenInches", "55", "maxSpeakers", "6", "coverChargeCounts", "false");
        Facts smallDiner = equipment(packages(camdenClubRoom(Licence.COMMERCIAL), List.of()), 2, 50, 4);
        Facts bigScreenDiner = equipment(smallDiner, 2, 85, 4);

        assertThat(RuleKind.US_110_5.violation(exemption, smallDiner, NOW)).isEmpty();
        assertThat(RuleKind.US_110_5.violation(exemption, bigScreenDiner, NOW))
                .hasValue(Map.of("equipment", "a 85\" screen"));
        assertThat(RuleKind.US_110_5.violation(exemption, camdenClubRoom(Licence.COMMERCIAL), NOW))
                .as("a commercial package carries the public-performance licence")
                .isEmpty();
    }

    @Test
    void noAdmissionFeeMeansNotEvenForSnacks() {
        assertThat(RuleKind.NO_ADMISSION_FEE.violation(params(), londonFlat(), NOW))
                .isPresent();
        assertThat(RuleKind.NO_ADMISSION_FEE.violation(params(), free(londonFlat()), NOW))
                .isEmpty();
    }

    @Test
    void theAttendeeCapIsTheSmallerOfVenueCapacityAndLicenceLimit() {
        RuleParameters limits = params("residentialLimit", "25", "commercialLimit", "2000");
        Facts flat = seats(londonFlat(), 30, 20); // a session offering more seats than the flat holds

        assertThat(RuleKind.ATTENDEE_CAP.violation(limits, flat.forBooking(2), NOW))
                .as("10 sold or held in a flat for 8")
                .hasValue(Map.of("attendees", "10", "cap", "8", "limitedBy", "the venue's capacity"));
        assertThat(RuleKind.ATTENDEE_CAP.violation(limits, seats(flat, 30, 24).forBooking(2), NOW))
                .isEmpty();
        Facts bigHouse = capacity(seats(londonFlat(), 30, 2), 100);
        assertThat(RuleKind.ATTENDEE_CAP.violation(limits, bigHouse.forBooking(2), NOW))
                .hasValue(Map.of("attendees", "28", "cap", "25", "limitedBy", "the limit of a residential licence"));
    }

    private static Facts kickoff(DayOfWeek day, int hour, int minute) {
        return with(londonFlat(), "Premier League", next(NOW, day, LocalTime.of(hour, minute)));
    }

    private static RuleParameters params(String... pairs) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new RuleParameters(values);
    }

    private static Facts free(Facts f) {
        return new Facts(
                f.sessionId(),
                f.competition(),
                f.kickoff(),
                BigDecimal.ZERO,
                f.sessionSeats(),
                f.seatsLeft(),
                f.venueType(),
                f.territory(),
                f.venueCapacity(),
                f.screens(),
                f.largestScreenInches(),
                f.speakers(),
                f.packages(),
                f.bookedSeats());
    }

    private static Facts packages(Facts f, List<StreamingPackage> packages) {
        return new Facts(
                f.sessionId(),
                f.competition(),
                f.kickoff(),
                f.pricePerSeat(),
                f.sessionSeats(),
                f.seatsLeft(),
                f.venueType(),
                f.territory(),
                f.venueCapacity(),
                f.screens(),
                f.largestScreenInches(),
                f.speakers(),
                packages,
                f.bookedSeats());
    }

    private static Facts equipment(Facts f, int screens, int inches, int speakers) {
        return new Facts(
                f.sessionId(),
                f.competition(),
                f.kickoff(),
                f.pricePerSeat(),
                f.sessionSeats(),
                f.seatsLeft(),
                f.venueType(),
                "US",
                f.venueCapacity(),
                screens,
                inches,
                speakers,
                f.packages(),
                f.bookedSeats());
    }

    private static Facts capacity(Facts f, int venueCapacity) {
        return new Facts(
                f.sessionId(),
                f.competition(),
                f.kickoff(),
                f.pricePerSeat(),
                f.sessionSeats(),
                f.seatsLeft(),
                f.venueType(),
                f.territory(),
                venueCapacity,
                f.screens(),
                f.largestScreenInches(),
                f.speakers(),
                f.packages(),
                f.bookedSeats());
    }
}
