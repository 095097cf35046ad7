package dev.couchannel.recommendation.taste.streams;

import static dev.couchannel.recommendation.Events.bookingCancelled;
import static dev.couchannel.recommendation.Events.bookingConfirmed;
import static dev.couchannel.recommendation.Events.id;
import static dev.couchannel.recommendation.Events.seats;
import static dev.couchannel.recommendation.Events.sessionCancelled;
import static dev.couchannel.recommendation.Events.sessionPublished;
import static dev.couchannel.recommendation.Events.venueRegistered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.contracts.Topics;
import dev.couchannel.recommendation.taste.HostGuests;
import dev.couchannel.recommendation.taste.Popularity;
import dev.couchannel.recommendation.taste.Reason;
import dev.couchannel.recommendation.taste.Recommendation;
import dev.couchannel.recommendation.taste.Taste;
import dev.couchannel.recommendation.taste.application.Recommendations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology with {@link TopologyTestDriver}: real CloudEvents in, the stores and the ranking read
 * back as the REST endpoint reads them.
 */
class RecommendationTopologyTest {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final Instant SOON = NOW.plus(Duration.ofDays(2));
    static final Instant LATER = NOW.plus(Duration.ofDays(9));
    static final Instant PAST = NOW.minus(Duration.ofDays(20));

    static final String ME = "me@example.com";
    static final String ANNA = "anna@example.com";
    static final String BOREK = "borek@example.com";
    static final String HOST_A = "host-a@example.com";
    static final String HOST_B = "host-b@example.com";
    static final String HOST_C = "host-c@example.com";

    @TempDir
    Path stateDir;

    TopologyTestDriver driver;
    Map<String, TestInputTopic<String, byte[]>> topics;
    Recommendations recommendations;

    @BeforeEach
    void start() {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "recommendation-test");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG, RecommendationTopology.IN_MEMORY);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(RecommendationTopology.build(settings), settings);
        topics = Map.of(
                Topics.INVENTORY_EVENTS, input(Topics.INVENTORY_EVENTS),
                Topics.HOSTING_EVENTS, input(Topics.HOSTING_EVENTS),
                Topics.BOOKING_EVENTS, input(Topics.BOOKING_EVENTS));
        recommendations = new Recommendations(
                new StreamStores(driver::getKeyValueStore), Clock.fixed(NOW, ZoneOffset.UTC), 50, 200);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void favouriteTeamsAndHostsAreCountedFromConfirmedBookings() {
        String legiaAtA = published(HOST_A, "Legia", "Lech", PAST);
        String legiaAtB = published(HOST_B, "Wisła", "Legia", PAST);
        book(ME, legiaAtA);
        book(ME, legiaAtB);
        String upcomingLegia = published(HOST_C, "Legia", "Górnik", LATER);
        String upcomingOther = published(HOST_C, "Raków", "Pogoń", SOON);

        Taste taste = store(RecommendationTopology.TASTES, ME);
        assertThat(taste.teams()).containsExactlyInAnyOrderEntriesOf(Map.of("Legia", 2, "Lech", 1, "Wisła", 1));
        assertThat(taste.hosts()).containsExactlyInAnyOrderEntriesOf(Map.of(HOST_A, 1, HOST_B, 1));

        List<Recommendation> ranked = recommend(ME);
        assertThat(ids(ranked)).containsExactly(upcomingLegia, upcomingOther);
        assertThat(ranked.getFirst().reasons()).containsExactly(new Reason.FavouriteTeam("Legia", 2));
        assertThat(ranked.get(1).reasons()).isEmpty();
    }

    @Test
    void aFavouriteHostRanksTheirNextSessionFirst() {
        book(ME, published(HOST_A, "Cracovia", "Stal", PAST));
        String atHostA = published(HOST_A, "Raków", "Pogoń", LATER);
        String elsewhere = published(HOST_C, "Zagłębie", "Motor", SOON);

        List<Recommendation> ranked = recommend(ME);

        assertThat(ids(ranked)).containsExactly(atHostA, elsewhere);
        assertThat(ranked.getFirst().reasons()).containsExactly(new Reason.FavouriteHost(HOST_A, 1));
    }

    @Test
    void guestsWhoBookedMyHostAlsoBookedAnotherHost() {
        String pastAtA = published(HOST_A, "Cracovia", "Stal", PAST);
        String pastAtB = published(HOST_B, "Korona", "Radomiak", PAST);
        book(ME, pastAtA);
        book(ANNA, pastAtA);
        book(ANNA, pastAtB);
        book(BOREK, pastAtA);
        book(BOREK, pastAtB);
        String upcomingAtB = published(HOST_B, "Zagłębie", "Motor", LATER);
        String upcomingAtC = published(HOST_C, "Piast", "Puszcza", SOON);

        assertThat(this.<HostGuests>store(RecommendationTopology.HOST_GUESTS, HOST_A)
                        .guests())
                .containsOnlyKeys(ME, ANNA, BOREK);
        List<Recommendation> ranked = recommend(ME);
        assertThat(ids(ranked)).containsExactly(upcomingAtB, upcomingAtC);
        assertThat(ranked.getFirst().reasons()).containsExactly(new Reason.CoBooked(HOST_B, HOST_A, 2));
    }

    @Test
    void aCancelledBookingWeighsNothingAnyMore() {
        String pastLegia = published(HOST_A, "Legia", "Lech", PAST);
        String keep = book(ME, published(HOST_B, "Raków", "Pogoń", PAST));
        String cancelled = book(ME, pastLegia);
        book(ANNA, pastLegia);
        String upcomingLegia = published(HOST_C, "Legia", "Górnik", LATER);
        book(BOREK, upcomingLegia);
        String upcomingBooking = book(ANNA, upcomingLegia, 3);

        pipe(bookingCancelled(cancelled, pastLegia, ME, 1, NOW));
        pipe(bookingCancelled(upcomingBooking, upcomingLegia, ANNA, 3, NOW));

        Taste taste = store(RecommendationTopology.TASTES, ME);
        assertThat(taste.teams()).containsOnlyKeys("Raków", "Pogoń");
        assertThat(taste.hosts()).containsOnlyKeys(HOST_B);
        assertThat(taste.sessions()).hasSize(1);
        assertThat(this.<HostGuests>store(RecommendationTopology.HOST_GUESTS, HOST_A)
                        .guests())
                .containsOnlyKeys(ANNA);
        assertThat(this.<Popularity>store(RecommendationTopology.POPULARITY, upcomingLegia))
                .isEqualTo(new Popularity(1, 1));
        assertThat(keep).isNotBlank();
        List<Recommendation> ranked = recommend(ME);
        assertThat(ranked).singleElement().satisfies(r -> assertThat(r.reasons())
                .containsExactly(new Reason.Popular(1, 1)));
    }

    @Test
    void aSessionTheGuestBookedIsNeverRecommendedButStaysForOthers() {
        String upcoming = published(HOST_A, "Legia", "Lech", LATER);
        String other = published(HOST_B, "Legia", "Widzew", SOON);
        book(ME, upcoming);

        assertThat(ids(recommend(ME))).containsExactly(other);
        assertThat(ids(recommend(ANNA))).containsExactly(upcoming, other);
    }

    @Test
    void aGuestWithoutHistoryGetsTheBookableSessionsMostPopularFirst() {
        String quiet = published(HOST_A, "Piast", "Puszcza", SOON);
        String busy = published(HOST_B, "Legia", "Lech", LATER);
        String busiest = published(HOST_C, "Wisła", "Cracovia", LATER.plusSeconds(60));
        book(ANNA, busy);
        book(ANNA, busiest, 2);
        book(BOREK, busiest);
        String cancelled = published(HOST_A, "Lech", "Legia", SOON);
        pipe(sessionCancelled(cancelled, HOST_A, NOW));
        published(HOST_A, "Lech", "Legia", NOW.minusSeconds(60)); // kicked off
        String soldOut = published(HOST_A, "Motor", "Stal", SOON);
        pipe(seats(soldOut, 20, 0, NOW));
        String seatsLeft = published(HOST_A, "Motor", "Korona", SOON.plusSeconds(60));
        pipe(seats(seatsLeft, 20, 4, NOW));

        List<Recommendation> ranked = recommend(ME);

        assertThat(ids(ranked)).containsExactly(busiest, busy, quiet, seatsLeft);
        assertThat(ranked.getFirst().reasons()).containsExactly(new Reason.Popular(2, 3));
        assertThat(ranked.get(3).candidate().seatsLeft()).isEqualTo(4);
        assertThat(ids(recommendations.forGuest(ME, null, 2))).containsExactly(busiest, busy);
    }

    @Test
    void aBookingBeforeItsSessionCountsOnceTheSessionArrives() {
        String sessionId = id();
        book(ME, sessionId);
        assertThat(this.<Taste>store(RecommendationTopology.TASTES, ME).sessions())
                .containsOnlyKeys(sessionId);
        assertThat(this.<Taste>store(RecommendationTopology.TASTES, ME).teams()).isEmpty();

        pipe(sessionPublished(sessionId, id(), HOST_A, "Legia", "Lech", PAST, NOW));

        assertThat(this.<Taste>store(RecommendationTopology.TASTES, ME).teams()).containsOnlyKeys("Legia", "Lech");
        assertThat(this.<Taste>store(RecommendationTopology.TASTES, ME).hosts()).containsOnlyKeys(HOST_A);
    }

    @Test
    void aReplayedConfirmationChangesNothing() {
        String sessionId = published(HOST_A, "Legia", "Lech", LATER);
        String bookingId = id();
        ProducerRecord<String, byte[]> confirmed = bookingConfirmed(bookingId, sessionId, ANNA, 2, NOW);
        pipe(confirmed);
        pipe(confirmed);

        assertThat(this.<Taste>store(RecommendationTopology.TASTES, ANNA).teams())
                .containsEntry("Legia", 1);
        assertThat(this.<Popularity>store(RecommendationTopology.POPULARITY, sessionId))
                .isEqualTo(new Popularity(1, 2));
    }

    @Test
    void nearbyVenuesRankAboveFarOnesWhenTheGuestSaysWhereTheyAre() {
        String warsawVenue = id();
        String gdanskVenue = id();
        pipe(venueRegistered(warsawVenue, HOST_A, 52.2297, 21.0122, NOW));
        pipe(venueRegistered(gdanskVenue, HOST_B, 54.3520, 18.6466, NOW));
        String inGdansk = id();
        String inWarsaw = id();
        pipe(sessionPublished(inGdansk, gdanskVenue, HOST_B, "Lechia", "Arka", SOON, NOW));
        pipe(sessionPublished(inWarsaw, warsawVenue, HOST_A, "Legia", "Polonia", LATER, NOW));

        List<Recommendation> near = recommendations.forGuest(ME, new Recommendations.Point(52.23, 21.01), 10);

        assertThat(ids(near)).containsExactly(inWarsaw, inGdansk);
        assertThat(near.getFirst().reasons())
                .singleElement()
                .isInstanceOfSatisfying(Reason.Nearby.class, nearby -> assertThat(nearby.kilometres())
                        .isLessThan(1));
        assertThat(ids(recommend(ME))).containsExactly(inGdansk, inWarsaw);
    }

    @Test
    void recordsThatAreNotCloudEventsOrDoNotParseAreSkipped() {
        String sessionId = published(HOST_A, "Legia", "Lech", LATER);
        topics.get(Topics.BOOKING_EVENTS)
                .pipeInput(new TestRecord<>(id(), "not protobuf".getBytes(StandardCharsets.UTF_8)));
        ProducerRecord<String, byte[]> garbled = bookingConfirmed(id(), sessionId, ANNA, 1, NOW);
        pipe(new ProducerRecord<>(garbled.topic(), null, garbled.key(), new byte[] {1, 2, 3}, garbled.headers()));
        book(ANNA, sessionId);

        assertThat(this.<Popularity>store(RecommendationTopology.POPULARITY, sessionId))
                .isEqualTo(new Popularity(1, 1));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private TestInputTopic<String, byte[]> input(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
    }

    private void pipe(ProducerRecord<String, byte[]> record) {
        topics.get(record.topic()).pipeInput(new TestRecord<>(record.key(), record.value(), record.headers(), NOW));
    }

    private String published(String host, String home, String away, Instant kickoff) {
        String sessionId = id();
        pipe(sessionPublished(sessionId, id(), host, home, away, kickoff, NOW));
        return sessionId;
    }

    private String book(String guest, String sessionId) {
        return book(guest, sessionId, 1);
    }

    private String book(String guest, String sessionId, int seats) {
        String bookingId = id();
        pipe(bookingConfirmed(bookingId, sessionId, guest, seats, NOW));
        return bookingId;
    }

    private List<Recommendation> recommend(String guest) {
        return recommendations.forGuest(guest, null, 50);
    }

    private static List<String> ids(List<Recommendation> ranked) {
        return ranked.stream().map(r -> r.candidate().session().id()).toList();
    }

    private <V> @Nullable V store(String name, String key) {
        return driver.<String, V>getKeyValueStore(name).get(key);
    }
}
