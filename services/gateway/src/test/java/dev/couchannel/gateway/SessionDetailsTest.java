package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.couchannel.contracts.common.v1.Money;
import dev.couchannel.contracts.hosting.v1.Host;
import dev.couchannel.contracts.hosting.v1.StreamingPackage;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.identity.v1.GuestReputation;
import dev.couchannel.contracts.identity.v1.HostReputation;
import dev.couchannel.contracts.identity.v1.Reputation;
import dev.couchannel.contracts.inventory.v1.FixtureSummary;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import dev.couchannel.contracts.pricing.v1.Quote;
import dev.couchannel.contracts.review.v1.Rating;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The BFF session view: inventory over gRPC, with a deadline and trace propagation. */
class SessionDetailsTest extends GatewayTestSupport {

    static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void aSessionComesFromInventoryOverGrpcWithItsFixture() throws Exception {
        String id = UUID.randomUUID().toString();
        CATALOG.sessions.put(id, details(id));

        HttpResponse<String> response = get("/api/sessions/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"id\":\"" + id + "\"")
                .contains("\"seatsLeft\":7")
                .contains("\"pricePerSeat\":{\"amount\":\"12.50\",\"currency\":\"EUR\"}")
                .contains("\"homeTeam\":\"Legia Warszawa\"")
                .contains("\"kickoff\":\"2026-11-22T18:00:00Z\"");
        assertThat(INVENTORY.receivedNothing()).isTrue(); // not proxied over REST
    }

    @Test
    void theViewJoinsTheVenueAndTheCurrentPriceAndHidesAHomesStreetAddress() throws Exception {
        String id = UUID.randomUUID().toString();
        SessionDetails session = details(id);
        CATALOG.sessions.put(id, session);
        CATALOG.venues.put(session.getVenueId(), venue(session.getVenueId(), "HOME"));
        CATALOG.prices.put(id, price());

        HttpResponse<String> response = get("/api/sessions/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"name\":\"Ania's living room\"")
                .contains("\"city\":\"Kraków\"")
                .contains("\"packages\":[{\"provider\":\"Canal+\",\"licence\":\"RESIDENTIAL\"}]")
                .contains("\"perSeat\":{\"amount\":\"14.95\",\"currency\":\"EUR\"}")
                .contains("\"vatCountry\":\"PL\"")
                .contains("\"degraded\":[]")
                .doesNotContain("ul. Józefa 12")
                .doesNotContain("host@example.com");

        CATALOG.venues.put(session.getVenueId(), venue(session.getVenueId(), "COMMERCIAL"));
        assertThat(get("/api/sessions/" + id).body()).contains("\"address\":\"ul. Józefa 12\"");
    }

    @Test
    void aSilentHostingOrADeadPricingDegradesTheViewInsteadOfBreakingIt() throws Exception {
        String id = UUID.randomUUID().toString();
        SessionDetails session = details(id);
        CATALOG.sessions.put(id, session);
        CATALOG.venues.put(session.getVenueId(), venue(session.getVenueId(), "HOME"));
        CATALOG.prices.put(id, price());
        CATALOG.venuesSilent = true;
        CATALOG.pricesDown = true;

        HttpResponse<String> response = get("/api/sessions/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"seatsLeft\":7")
                .doesNotContain("\"venue\":")
                .doesNotContain("\"price\":")
                .contains("\"degraded\":[\"venue\",\"host\",\"price\"]");
    }

    @Test
    void theViewJoinsTheHostsPublicProfileAndAHostWithoutOneIsNoFailure() throws Exception {
        String id = UUID.randomUUID().toString();
        SessionDetails session = details(id);
        CATALOG.sessions.put(id, session);
        CATALOG.venues.put(session.getVenueId(), venue(session.getVenueId(), "HOME"));
        CATALOG.prices.put(id, price());

        // no profile: no host part (the host's reputation has a "host" of its own)
        assertThat(get("/api/sessions/" + id).body())
                .doesNotContain("\"displayName\"")
                .contains("\"degraded\":[]");

        String hostId = UUID.randomUUID().toString();
        CATALOG.hosts.put(
                session.getHostId(),
                Host.newBuilder()
                        .setId(hostId)
                        .setDisplayName("Ania")
                        .setBio("Legia since 1998.")
                        .addLanguages("pl")
                        .setMemberSince(Timestamp.newBuilder().setSeconds(1_760_000_000L))
                        .build());

        HttpResponse<String> response = get("/api/sessions/" + id);

        assertThat(response.body())
                .contains("\"host\":{\"id\":\"" + hostId + "\",\"displayName\":\"Ania\",\"bio\":\"Legia since 1998.\","
                        + "\"languages\":[\"pl\"],\"memberSince\":\"2025-10-09T08:53:20Z\"}")
                .contains("\"degraded\":[]")
                .doesNotContain(session.getHostId());
    }

    @Test
    void theViewJoinsTheVenuesRatingFromTheReviewService() throws Exception {
        String id = UUID.randomUUID().toString();
        SessionDetails session = details(id);
        CATALOG.sessions.put(id, session);
        CATALOG.venues.put(session.getVenueId(), venue(session.getVenueId(), "HOME"));
        CATALOG.prices.put(id, price());
        CATALOG.ratings.put(
                session.getVenueId(),
                Rating.newBuilder()
                        .setVenueId(session.getVenueId())
                        .setAverage(4.25)
                        .setCount(12)
                        .build());

        HttpResponse<String> response = get("/api/sessions/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"rating\":{\"average\":4.25,\"count\":12}")
                .contains("\"degraded\":[]");
        CATALOG.ratings.clear();
        assertThat(get("/api/sessions/" + id).body())
                .as("a venue nobody reviewed yet")
                .contains("\"rating\":{\"average\":0.0,\"count\":0}");
    }

    @Test
    void aSlowReviewServiceLeavesTheRatingOutWithinTheDeadline() throws Exception {
        String id = UUID.randomUUID().toString();
        SessionDetails session = details(id);
        CATALOG.sessions.put(id, session);
        CATALOG.venues.put(session.getVenueId(), venue(session.getVenueId(), "HOME"));
        CATALOG.prices.put(id, price());
        CATALOG.ratingsSilent = true;

        HttpResponse<String> response = get("/api/sessions/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"name\":\"Ania's living room\"")
                .contains("\"perSeat\":{\"amount\":\"14.95\",\"currency\":\"EUR\"}")
                // the venue's rating is gone (the host's reputation has a rating of its own, with "weighted")
                .doesNotContain("\"rating\":{\"average\":0.0,\"count\":0}")
                .contains("\"degraded\":[\"rating\"]");
    }

    @Test
    void aDeadReviewServiceLeavesTheRatingOut() throws Exception {
        String id = UUID.randomUUID().toString();
        SessionDetails session = details(id);
        CATALOG.sessions.put(id, session);
        CATALOG.venues.put(session.getVenueId(), venue(session.getVenueId(), "HOME"));
        CATALOG.prices.put(id, price());
        CATALOG.ratingsDown = true;

        HttpResponse<String> response = get("/api/sessions/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"seatsLeft\":7")
                .contains("\"name\":\"Ania's living room\"")
                // the venue's rating is gone (the host's reputation has a rating of its own, with "weighted")
                .doesNotContain("\"rating\":{\"average\":0.0,\"count\":0}")
                .contains("\"degraded\":[\"rating\"]");
    }

    @Test
    void theViewJoinsTheHostsReputationFromIdentityWithoutTheHostsAddress() throws Exception {
        String id = UUID.randomUUID().toString();
        SessionDetails session = details(id);
        CATALOG.sessions.put(id, session);
        CATALOG.venues.put(session.getVenueId(), venue(session.getVenueId(), "HOME"));
        CATALOG.prices.put(id, price());
        String hostUser = UUID.randomUUID().toString();
        CATALOG.reputations.put(
                session.getHostId(),
                Reputation.newBuilder()
                        .setUserId(hostUser)
                        .setHost(HostReputation.newBuilder()
                                .setScore(81.2)
                                .setRatingAverage(4.6)
                                .setRatingCount(9)
                                .setRatingWeighted(4.39)
                                .setSessions(12)
                                .setSessionsCancelled(1)
                                .setReliability(0.932)
                                .setReviews(9)
                                .setRepliedInTime(7)
                                .setMedianReplyHours(5.5)
                                .setResponsiveness(0.692))
                        .setGuest(GuestReputation.newBuilder().setScore(95.0))
                        .build());

        HttpResponse<String> response = get("/api/sessions/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CATALOG.lastReputationUser).isEqualTo(session.getHostId());
        assertThat(response.body())
                .contains("\"hostReputation\":{\"userId\":\"" + hostUser + "\",\"host\":{\"score\":81.2,"
                        + "\"rating\":{\"average\":4.6,\"count\":9,\"weighted\":4.39},"
                        + "\"cancellations\":{\"sessions\":12,\"cancelled\":1,\"reliability\":0.932},"
                        + "\"responses\":{\"reviews\":9,\"repliedInTime\":7,\"medianReplyHours\":5.5,"
                        + "\"responsiveness\":0.692}}}")
                .contains("\"degraded\":[]")
                // the guest side is not the session page's business, the host's address never
                .doesNotContain("\"guest\"")
                .doesNotContain(session.getHostId());

        CATALOG.reputations.clear();
        assertThat(get("/api/sessions/" + id).body())
                .as("a host identity knows nothing about yet: the priors, no median")
                .contains("\"hostReputation\":{\"host\":{\"score\":76.3,")
                .doesNotContain("medianReplyHours");
    }

    @Test
    void aSlowOrDeadIdentityLeavesTheReputationOutAndNamesIt() throws Exception {
        String id = UUID.randomUUID().toString();
        SessionDetails session = details(id);
        CATALOG.sessions.put(id, session);
        CATALOG.venues.put(session.getVenueId(), venue(session.getVenueId(), "HOME"));
        CATALOG.prices.put(id, price());
        CATALOG.reputationsSilent = true;

        HttpResponse<String> slow = get("/api/sessions/" + id);

        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(slow.body())
                .contains("\"name\":\"Ania's living room\"")
                .contains("\"rating\":{")
                .doesNotContain("\"hostReputation\":")
                .contains("\"degraded\":[\"reputation\"]");

        CATALOG.reputationsSilent = false;
        CATALOG.reputationsDown = true;
        HttpResponse<String> dead = get("/api/sessions/" + id);
        assertThat(dead.statusCode()).isEqualTo(200);
        assertThat(dead.body())
                .contains("\"seatsLeft\":7")
                .doesNotContain("\"hostReputation\":")
                .contains("\"degraded\":[\"reputation\"]");
    }

    @Test
    void theTraceOfTheHttpRequestContinuesOverGrpc() throws Exception {
        String id = UUID.randomUUID().toString();
        CATALOG.sessions.put(id, details(id));

        send(
                "/api/sessions/" + id,
                request -> request.header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01"));

        assertThat(CATALOG.lastTraceparent).startsWith("00-" + TRACE_ID + "-").doesNotContain("b7ad6b7169203331");
    }

    @Test
    void aDraftIsShownToItsHostOnly() throws Exception {
        String id = UUID.randomUUID().toString();
        CATALOG.sessions.put(id, details(id).toBuilder().setStatus("DRAFT").build());

        assertProblem(get("/api/sessions/" + id), 404);
        assertProblem(
                send(
                        "/api/sessions/" + id,
                        request -> request.header("Authorization", "Bearer " + Tokens.guest("guest@example.com"))),
                404);
        HttpResponse<String> host = send(
                "/api/sessions/" + id,
                request -> request.header("Authorization", "Bearer " + Tokens.host("host@example.com")));
        assertThat(host.statusCode()).isEqualTo(200);
        assertThat(host.body()).contains("\"status\":\"DRAFT\"");
    }

    @Test
    void anUnknownSessionIsA404Problem() throws Exception {
        assertProblem(get("/api/sessions/" + UUID.randomUUID()), 404);
    }

    @Test
    void aMalformedIdIsA400Problem() throws Exception {
        assertProblem(get("/api/sessions/not-a-uuid"), 400);
    }

    @Test
    void inventoryNotAnsweringWithinTheDeadlineIsA503Problem() throws Exception {
        CATALOG.silent = true;

        HttpResponse<String> response = get("/api/sessions/" + UUID.randomUUID());

        assertProblem(response, 503);
        assertThat(response.body()).contains("inventory service is unavailable");
    }

    private static Venue venue(String id, String type) {
        return Venue.newBuilder()
                .setId(id)
                .setHostId("host@example.com")
                .setName("Ania's living room")
                .setType(type)
                .setAddress("ul. Józefa 12")
                .setCity("Kraków")
                .setCountry("PL")
                .setCapacity(10)
                .setScreens(1)
                .setLargestScreenInches(65)
                .addPackages(StreamingPackage.newBuilder()
                        .setProvider("Canal+")
                        .setLicence("RESIDENTIAL")
                        .setCountry("PL"))
                .build();
    }

    private static Quote price() {
        return Quote.newBuilder()
                .setTotal(Money.newBuilder().setAmount("14.95").setCurrency("EUR"))
                .setServiceFee(Money.newBuilder().setAmount("1.25").setCurrency("EUR"))
                .setVat(Money.newBuilder().setAmount("1.20").setCurrency("EUR"))
                .setVatCountry("PL")
                .build();
    }

    private static SessionDetails details(String id) {
        return SessionDetails.newBuilder()
                .setId(id)
                .setVenueId(UUID.randomUUID().toString())
                .setHostId("host@example.com")
                .setStatus("PUBLISHED")
                .setSeats(10)
                .setSeatsLeft(7)
                .setPricePerSeat(Money.newBuilder().setAmount("12.50").setCurrency("EUR"))
                .setRefundPolicy("FLEXIBLE")
                .setDescription("Sofa and a big screen")
                .setFixture(FixtureSummary.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .setCompetition("Ekstraklasa")
                        .setHomeTeam("Legia Warszawa")
                        .setAwayTeam("Lech Poznań")
                        .setKickoff(Timestamp.newBuilder().setSeconds(1_795_370_400L))
                        .setTerritory("PL"))
                .build();
    }
}
