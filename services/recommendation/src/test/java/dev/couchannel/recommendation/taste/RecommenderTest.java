package dev.couchannel.recommendation.taste;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ranking rules, without Kafka. */
class RecommenderTest {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final String GUEST = "guest@example.com";

    @Test
    void aHostIsNeverRecommendedTheirOwnSession() {
        Candidate own = candidate("s-own", GUEST, "Legia", "Lech", 1);
        Candidate other = candidate("s-other", "host@example.com", "Raków", "Pogoń", 2);

        assertThat(ids(Recommender.rank(GUEST, Taste.none(), CoBooking.none(), List.of(own, other), null, NOW, 10)))
                .containsExactly("s-other");
    }

    @Test
    void aFavouriteHostIsNotAlsoACoBookedOne() {
        String host = "host@example.com";
        Taste taste = Taste.none().add(new BookedSession(GUEST, "s-past", host, "Legia", "Lech"));
        CoBooking coBooking = new CoBooking(Map.of(host, new Reason.CoBooked(host, "other-host@example.com", 5)));

        List<Recommendation> ranked = Recommender.rank(
                GUEST, taste, coBooking, List.of(candidate("s-next", host, "Raków", "Pogoń", 1)), null, NOW, 10);

        assertThat(ranked.getFirst().reasons()).containsExactly(new Reason.FavouriteHost(host, 1));
    }

    @Test
    void theLimitCutsTheRankingAndEqualScoresGoBySoonestKickoff() {
        List<Candidate> candidates = List.of(
                candidate("s-3", "a@example.com", "A", "B", 3),
                candidate("s-1", "b@example.com", "C", "D", 1),
                candidate("s-2", "c@example.com", "E", "F", 2));

        assertThat(ids(Recommender.rank(GUEST, Taste.none(), CoBooking.none(), candidates, null, NOW, 2)))
                .containsExactly("s-1", "s-2");
    }

    @Test
    void coBookingCountsEachOtherGuestOnceAndNamesTheHostMostOfThemShare() {
        String me = GUEST;
        Taste mine = Taste.none()
                .add(new BookedSession(me, "s-a", "a@example.com", null, null))
                .add(new BookedSession(me, "s-b", "b@example.com", null, null));
        Map<String, HostGuests> guests = Map.of(
                "a@example.com", HostGuests.none().add(me).add("x@example.com").add("y@example.com"),
                "b@example.com", HostGuests.none().add(me).add("z@example.com"));
        Map<String, Taste> tastes = Map.of(
                "x@example.com", tasteOf("x@example.com", "a@example.com", "c@example.com"),
                "y@example.com", tasteOf("y@example.com", "a@example.com", "c@example.com"),
                "z@example.com", tasteOf("z@example.com", "b@example.com", "c@example.com", "d@example.com"));

        CoBooking coBooking =
                CoBooking.of(me, mine, host -> guests.getOrDefault(host, HostGuests.none()), tastes::get, 200);

        assertThat(coBooking.byHost()).containsOnlyKeys("c@example.com", "d@example.com");
        assertThat(coBooking.byHost().get("c@example.com"))
                .isEqualTo(new Reason.CoBooked("c@example.com", "a@example.com", 2));
        assertThat(coBooking.byHost().get("d@example.com"))
                .isEqualTo(new Reason.CoBooked("d@example.com", "b@example.com", 1));
    }

    private static Taste tasteOf(String guest, String... hosts) {
        Taste taste = Taste.none();
        for (String host : hosts) {
            taste = taste.add(new BookedSession(guest, "s-" + host, host, null, null));
        }
        return taste;
    }

    private static Candidate candidate(String id, String host, String home, String away, int daysAhead) {
        return new Candidate(
                new Session(
                        id,
                        "v-" + id,
                        host,
                        "Ekstraklasa",
                        home,
                        away,
                        NOW.plus(Duration.ofDays(daysAhead)),
                        20,
                        false),
                null,
                null,
                Popularity.none());
    }

    private static List<String> ids(List<Recommendation> ranked) {
        return ranked.stream().map(r -> r.candidate().session().id()).toList();
    }
}
