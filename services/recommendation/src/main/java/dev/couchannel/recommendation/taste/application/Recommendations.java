package dev.couchannel.recommendation.taste.application;

import dev.couchannel.recommendation.taste.CoBooking;
import dev.couchannel.recommendation.taste.Facts;
import dev.couchannel.recommendation.taste.Recommendation;
import dev.couchannel.recommendation.taste.Recommender;
import dev.couchannel.recommendation.taste.Taste;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** "Sessions for you": the guest's taste and co-booking from the stores, ranked by {@link Recommender}. */
@Service
public class Recommendations {

    private final Facts facts;
    private final Clock clock;
    private final double nearbyKm;
    private final int coBookingGuests;

    public Recommendations(
            Facts facts,
            Clock clock,
            @Value("${couchannel.recommendation.nearby-km:50}") double nearbyKm,
            @Value("${couchannel.recommendation.co-booking-guests:200}") int coBookingGuests) {
        this.facts = facts;
        this.clock = clock;
        this.nearbyKm = nearbyKm;
        this.coBookingGuests = coBookingGuests;
    }

    /** Where the guest is, if they said. */
    public record Point(double lat, double lon) {}

    /**
     * @throws Facts.NotReady while the stores restore or rebalance
     */
    public List<Recommendation> forGuest(String guest, @Nullable Point near, int limit) {
        Taste taste = facts.tasteOf(guest);
        CoBooking coBooking = taste.hosts().isEmpty()
                ? CoBooking.none()
                : CoBooking.of(guest, taste, facts::guestsOf, facts::tasteOf, coBookingGuests);
        return Recommender.rank(
                guest,
                taste,
                coBooking,
                facts.upcoming(clock.instant()),
                near == null ? null : new Recommender.Near(near.lat(), near.lon(), nearbyKm),
                clock.instant(),
                limit);
    }
}
