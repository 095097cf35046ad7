package dev.couchannel.hosting.venue;

import static dev.couchannel.hosting.venue.VenueFixtures.londonAddress;
import static dev.couchannel.hosting.venue.VenueFixtures.londonFlat;
import static dev.couchannel.hosting.venue.VenueFixtures.skyResidential;
import static dev.couchannel.hosting.venue.VenueFixtures.withCapacity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of venue facts, and the words a host reads when breaking one. */
class VenueDetailsTest {

    @Test
    void aTypicalLivingRoomIsValidAndTrimmed() {
        VenueDetails details = new VenueDetails(
                "  Notting Hill living room ",
                VenueType.HOME,
                new Address(" 12 Elgin Crescent ", " London ", "GB"),
                new GeoPoint(51.5141, -0.2047),
                8,
                new Equipment(1, 65, 2),
                List.of(new StreamingPackage(" Sky ", Licence.RESIDENTIAL, "GB")));

        assertThat(details.name()).isEqualTo("Notting Hill living room");
        assertThat(details.address().street()).isEqualTo("12 Elgin Crescent");
        assertThat(details.address().city()).isEqualTo("London");
        assertThat(details.packages().getFirst().provider()).isEqualTo("Sky");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2000})
    void capacityRunsFromOneToTwoThousand(int capacity) {
        assertThat(withCapacity(londonFlat(), capacity).capacity()).isEqualTo(capacity);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 2001, 100_000})
    void capacityOutsideOneToTwoThousandIsRefused(int capacity) {
        assertViolations(() -> withCapacity(londonFlat(), capacity), "capacity")
                .first()
                .extracting(Violation::message)
                .asString()
                .contains("between 1 and 2000")
                .contains(String.valueOf(capacity));
    }

    @Test
    void aNameIsRequiredAndShort() {
        VenueDetails valid = londonFlat();
        for (String name : new String[] {null, "", "   ", "x".repeat(101)}) {
            assertViolations(
                    () -> new VenueDetails(
                            name,
                            valid.type(),
                            valid.address(),
                            valid.location(),
                            valid.capacity(),
                            valid.equipment(),
                            valid.packages()),
                    "name");
        }
    }

    @Test
    void countriesAreRealIsoCodesInUpperCase() {
        assertThatCode(() -> new Address("ul. Puławska 1", "Warszawa", "PL")).doesNotThrowAnyException();
        for (String country : new String[] {"XX", "pl", "POL", "Poland", "", null}) {
            assertViolations(() -> new Address("ul. Puławska 1", "Warszawa", country), "country")
                    .first()
                    .extracting(Violation::message)
                    .asString()
                    .contains("ISO 3166 alpha-2");
        }
        assertViolations(() -> new StreamingPackage("Canal+", Licence.RESIDENTIAL, "XX"), "country");
    }

    @Test
    void anAddressListsEveryMissingPart() {
        assertViolations(() -> new Address(" ", null, "ZZ"), "address", "city", "country");
    }

    @Test
    void coordinatesStayOnTheGlobe() {
        assertThatCode(() -> new GeoPoint(-90, 180)).doesNotThrowAnyException();
        assertViolations(() -> new GeoPoint(200, 0), "lat")
                .first()
                .extracting(Violation::message)
                .asString()
                .contains("between -90 and 90");
        assertViolations(() -> new GeoPoint(0, -180.5), "lon");
        assertViolations(() -> new GeoPoint(Double.NaN, Double.POSITIVE_INFINITY), "lat", "lon");
    }

    @Test
    void screensSpeakersAndSizesHaveBounds() {
        assertThatCode(() -> new Equipment(20, 200, 64)).doesNotThrowAnyException();
        assertThatCode(() -> new Equipment(1, 20, 0)).doesNotThrowAnyException();
        assertThat(Equipment.none()).isEqualTo(new Equipment(0, 0, 0));
        assertViolations(() -> new Equipment(21, 65, 2), "screens");
        assertViolations(() -> new Equipment(1, 19, 2), "largestScreenInches");
        assertViolations(() -> new Equipment(1, 201, 2), "largestScreenInches");
        assertViolations(() -> new Equipment(1, 65, 65), "speakers");
        assertViolations(() -> new Equipment(-1, -1, -1), "screens", "largestScreenInches", "speakers");
    }

    @Test
    void theLargestScreenMatchesTheScreenCount() {
        assertViolations(() -> new Equipment(2, 0, 2), "largestScreenInches")
                .first()
                .extracting(Violation::message)
                .asString()
                .contains("largest of the 2 screens");
        assertViolations(() -> new Equipment(0, 65, 2), "screens");
    }

    @Test
    void aPackageNamesItsProviderAndLicence() {
        assertViolations(() -> new StreamingPackage(" ", null, "GB"), "provider", "licence");
    }

    @Test
    void eachSubscriptionIsListedOnce() {
        VenueDetails valid = londonFlat();
        StreamingPackage sameSkyAgain = new StreamingPackage("SKY", Licence.RESIDENTIAL, "GB");

        assertViolations(
                        () -> new VenueDetails(
                                valid.name(),
                                valid.type(),
                                valid.address(),
                                valid.location(),
                                valid.capacity(),
                                valid.equipment(),
                                List.of(skyResidential(), sameSkyAgain)),
                        "packages[1]")
                .first()
                .extracting(Violation::message)
                .asString()
                .contains("listed twice");
        // a commercial Sky account next to the residential one is another subscription
        assertThatCode(() -> new VenueDetails(
                        valid.name(),
                        valid.type(),
                        valid.address(),
                        valid.location(),
                        valid.capacity(),
                        valid.equipment(),
                        List.of(skyResidential(), new StreamingPackage("Sky", Licence.COMMERCIAL, "GB"))))
                .doesNotThrowAnyException();
    }

    @Test
    void violationsOfSeveralValuesAreCollectedWithTheirPrefix() {
        Violations violations = new Violations();
        Address address = violations.attempt(() -> new Address("12 Elgin Crescent", "London", "XX"));
        StreamingPackage subscription =
                violations.attempt("packages[3].", () -> new StreamingPackage("", Licence.COMMERCIAL, "GB"));
        Address fine = violations.attempt(VenueFixtures::londonAddress);

        assertThat(address).isNull();
        assertThat(subscription).isNull();
        assertThat(fine).isEqualTo(londonAddress());
        InvalidVenue invalid = catchThrowableOfType(InvalidVenue.class, violations::throwIfAny);
        assertThat(invalid.violations())
                .extracting(Violation::field)
                .containsExactly("country", "packages[3].provider");
        assertThat(invalid.getMessage()).contains("packages[3].provider: Name the streaming provider");
    }

    private static org.assertj.core.api.ListAssert<Violation> assertViolations(
            ThrowingCallable build, String... fields) {
        InvalidVenue invalid = catchThrowableOfType(InvalidVenue.class, build);
        assertThat(invalid).as("expected the facts to be refused").isNotNull();
        assertThat(invalid.violations()).extracting(Violation::field).containsExactly(fields);
        return assertThat(invalid.violations());
    }
}
