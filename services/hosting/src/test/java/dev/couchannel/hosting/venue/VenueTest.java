package dev.couchannel.hosting.venue;

import static dev.couchannel.hosting.venue.VenueFixtures.HOST;
import static dev.couchannel.hosting.venue.VenueFixtures.REGISTERED;
import static dev.couchannel.hosting.venue.VenueFixtures.londonFlat;
import static dev.couchannel.hosting.venue.VenueFixtures.registeredLondonFlat;
import static dev.couchannel.hosting.venue.VenueFixtures.withCapacity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VenueTest {

    static final Instant LATER = REGISTERED.plusSeconds(3600);

    @Test
    void registeringIsRevisionOneWithItsEvent() {
        UUID id = UUID.randomUUID();
        Venue venue = Venue.register(id, HOST, londonFlat(), REGISTERED);

        assertThat(venue.version()).isEqualTo(1);
        assertThat(venue.registered()).isEqualTo(new VenueEvent.VenueRegistered(id, HOST, londonFlat(), 1, REGISTERED));
    }

    @Test
    void aChangeIsANewRevisionCarryingAllFacts() {
        Venue venue = registeredLondonFlat();
        VenueDetails bigger = withCapacity(londonFlat(), 12);

        VenueEvent.VenueChanged changed = venue.change(bigger, LATER).orElseThrow();

        assertThat(changed.details()).isEqualTo(bigger);
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.at()).isEqualTo(LATER);
        assertThat(venue.details().capacity()).isEqualTo(12);
        assertThat(venue.updatedAt()).isEqualTo(LATER);
        assertThat(venue.registeredAt()).isEqualTo(REGISTERED);
    }

    @Test
    void theSameFactsAgainAreNoChange() {
        Venue venue = registeredLondonFlat();

        assertThat(venue.change(londonFlat(), LATER)).isEmpty();
        assertThat(venue.version()).isEqualTo(1);
        assertThat(venue.updatedAt()).isEqualTo(REGISTERED);
    }

    @Test
    void onlyItsHostOwnsAVenue() {
        Venue venue = registeredLondonFlat();

        assertThat(venue.isOwnedBy(HOST)).isTrue();
        assertThat(venue.isOwnedBy("guest@example.com")).isFalse();
    }

    @Test
    void aVenueHasAHostAndStartsAtRevisionOne() {
        assertThatThrownBy(() -> Venue.register(UUID.randomUUID(), " ", londonFlat(), REGISTERED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Venue(UUID.randomUUID(), HOST, londonFlat(), REGISTERED, REGISTERED, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
