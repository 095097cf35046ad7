package dev.couchannel.recommendation.taste;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Ranks upcoming sessions for a guest. Only sessions the guest can still book are candidates: not
 * cancelled, not kicked off, seats left (when known), not booked by the guest already and not the
 * guest's own. Each reason adds to the score; a guest without history gets the popular (and, when
 * they say where they are, the nearby) sessions, then the soonest.
 */
public final class Recommender {

    static final double PER_TEAM_BOOKING = 10;
    static final double PER_HOST_BOOKING = 8;
    static final double PER_CO_GUEST = 4;
    static final double PER_POPULAR_BOOKING = 0.5;
    static final int POPULAR_CAP = 20;
    static final double NEARBY = 6;

    /** Where the guest is, and how far counts as near. */
    public record Near(double lat, double lon, double radiusKm) {}

    private Recommender() {}

    public static List<Recommendation> rank(
            String guest,
            Taste taste,
            CoBooking coBooking,
            Iterable<Candidate> candidates,
            @Nullable Near near,
            Instant now,
            int limit) {
        List<Recommendation> ranked = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Session session = candidate.session();
            if (!session.upcoming(now)
                    || (candidate.seatsLeft() != null && candidate.seatsLeft() <= 0)
                    || taste.booked(session.id())
                    || session.host().equals(guest)) {
                continue;
            }
            ranked.add(score(candidate, taste, coBooking, near));
        }
        ranked.sort(Comparator.comparingDouble(Recommendation::score)
                .reversed()
                .thenComparing(r -> r.candidate().session().kickoff())
                .thenComparing(r -> r.candidate().session().id()));
        return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }

    private static Recommendation score(Candidate candidate, Taste taste, CoBooking coBooking, @Nullable Near near) {
        Session session = candidate.session();
        List<Reason> reasons = new ArrayList<>();
        double score = 0;
        for (String team : session.teams()) {
            int bookings = taste.team(team);
            if (bookings > 0) {
                score += PER_TEAM_BOOKING * bookings;
                reasons.add(new Reason.FavouriteTeam(team, bookings));
            }
        }
        int hostBookings = taste.host(session.host());
        if (hostBookings > 0) {
            score += PER_HOST_BOOKING * hostBookings;
            reasons.add(new Reason.FavouriteHost(session.host(), hostBookings));
        } else {
            Reason.CoBooked coBooked = coBooking.byHost().get(session.host());
            if (coBooked != null) {
                score += PER_CO_GUEST * coBooked.guests();
                reasons.add(coBooked);
            }
        }
        if (near != null && candidate.location() != null) {
            double km = candidate.location().kilometresTo(near.lat(), near.lon());
            if (km <= near.radiusKm()) {
                score += NEARBY * (1 - km / near.radiusKm()) + 1;
                reasons.add(new Reason.Nearby(Math.round(km * 10) / 10.0));
            }
        }
        Popularity popularity = candidate.popularity();
        if (popularity.bookings() > 0) {
            score += PER_POPULAR_BOOKING * Math.min(POPULAR_CAP, popularity.bookings());
            reasons.add(new Reason.Popular(popularity.bookings(), popularity.seats()));
        }
        return new Recommendation(candidate, score, reasons);
    }
}
