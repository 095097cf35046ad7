package dev.couchannel.inventory.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.couchannel.contracts.compliance.v1.Finding;
import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SeatsReleased;
import dev.couchannel.contracts.inventory.v1.SeatsUnavailable;
import dev.couchannel.contracts.inventory.v1.SessionCancellationCause;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.inventory.seating.Seats;
import dev.couchannel.inventory.seating.SessionStatus;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A host's session from draft to published to cancelled, through the public API. */
class SessionLifecycleIT extends SessionTestSupport {

    @Test
    void aHostPlansADraftThatOnlyTheyCanSee() throws Exception {
        UUID venue = HOSTING.venueOf(HOST, 12);

        HttpResponse<String> created = post("/api/sessions", HOST, sessionBody(venue, upcomingFixture(), 8));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = match(ID, created.body());
        assertThat(created.headers().firstValue("Location")).hasValue("/api/sessions/" + id);
        assertThat(created.body())
                .contains("\"status\":\"DRAFT\"")
                .contains("\"seats\":8")
                .contains("\"seatsLeft\":8")
                .contains("\"pricePerSeat\":{\"amount\":\"25.00\",\"currency\":\"PLN\"}")
                .contains("\"refundPolicy\":\"FLEXIBLE\"");
        assertThat(session(UUID.fromString(id)).status()).isEqualTo(SessionStatus.DRAFT);

        assertThat(get("/api/sessions/" + id, HOST).statusCode()).isEqualTo(200);
        assertProblem(get("/api/sessions/" + id, null), 404);
        assertProblem(get("/api/sessions/" + id, OTHER_HOST), 404);
        assertThat(get("/api/sessions?venueId=" + venue, null).body()).contains("\"total\":0");
        assertThat(get("/api/sessions?venueId=" + venue, HOST).body())
                .contains("\"total\":1")
                .contains(id);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWritesNothing() throws Exception {
        String host = "careful-host-" + UUID.randomUUID() + "@example.com";
        UUID venue = HOSTING.venueOf(host, 10);
        UUID fixture = upcomingFixture();
        UUID kickedOff = fixture(Instant.now().minus(Duration.ofHours(1)));
        String good = sessionBody(venue, fixture, 6);
        List<String[]> cases = List.of(
                new String[] {good.replace("\"venueId\":\"" + venue + "\",", ""), "venueId"},
                new String[] {good.replace(venue.toString(), "my-flat"), "venueId"},
                new String[] {good.replace("\"seats\":6", "\"seats\":0"), "seats"},
                new String[] {good.replace("\"seats\":6", "\"seats\":11"), "seats"},
                new String[] {good.replace("\"25.00\"", "\"-1.00\""), "pricePerSeat.amount"},
                new String[] {good.replace("\"25.00\"", "\"12.345\""), "pricePerSeat.amount"},
                new String[] {good.replace("\"PLN\"", "\"PLNX\""), "pricePerSeat.currency"},
                new String[] {good.replace("\"PLN\"", "\"XYZ\""), "pricePerSeat.currency"},
                new String[] {
                    good.replace(",\"pricePerSeat\":{\"amount\":\"25.00\",\"currency\":\"PLN\"}", ""), "pricePerSeat"
                },
                new String[] {good.replace("FLEXIBLE", "LOOSE"), "refundPolicy"},
                new String[] {good.replace(fixture.toString(), UUID.randomUUID().toString()), "fixtureId"},
                new String[] {good.replace(fixture.toString(), kickedOff.toString()), "fixtureId"},
                new String[] {good.replace(venue.toString(), UUID.randomUUID().toString()), "venueId"},
                new String[] {good.replace("Salon, pizza w cenie.", "x".repeat(2001)), "description"});

        for (String[] bad : cases) {
            HttpResponse<String> response = post("/api/sessions", host, bad[0]);
            assertProblem(response, 400);
            assertThat(response.body()).as(bad[1]).contains("\"field\":\"" + bad[1] + "\"");
        }
        assertProblem(post("/api/sessions", host, "{\"venueId\":"), 400);
        assertProblem(post("/api/sessions", null, good), 401);
        assertThat(sessionsOf(host)).isZero();
        assertThat(post("/api/sessions", host, good).statusCode()).isEqualTo(201);
    }

    @Test
    void aHostReadsTheirOwnDashboardButNotAnotherHostsAndAGuestNeither() throws Exception {
        UUID sold = published(8);
        hold(sold, UUID.randomUUID(), 3);
        UUID booking = UUID.randomUUID();
        hold(sold, booking, 2);
        confirm(sold, booking);
        await().untilAsserted(
                        () -> assertThat(get("/api/hosts/me/dashboard", HOST).body())
                                .contains("\"id\":\"" + sold + "\",")
                                .contains("\"seatsSold\":2,\"seatsHeld\":3,\"seatsLeft\":3"));

        HttpResponse<String> mine = get("/api/hosts/" + HOST + "/dashboard", HOST);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("\"host\":\"" + HOST + "\"");
        assertThat(get("/api/hosts/" + HOST + "/dashboard", ADMIN).statusCode()).isEqualTo(200);

        HttpResponse<String> others = get("/api/hosts/" + HOST + "/dashboard", OTHER_HOST);
        assertProblem(others, 403);
        assertThat(others.body()).contains("only their own dashboard");
        assertProblem(get("/api/hosts/me/dashboard", "guest-" + UUID.randomUUID() + "@example.com"), 403);
        assertProblem(get("/api/hosts/me/dashboard", null), 401);
    }

    @Test
    void anotherHostsVenueIsForbiddenAndADownDirectoryIsA503() throws Exception {
        UUID venue = HOSTING.venueOf(OTHER_HOST, 10);
        String intruder = "intruder-" + UUID.randomUUID() + "@example.com";

        HttpResponse<String> forbidden = post("/api/sessions", intruder, sessionBody(venue, upcomingFixture(), 4));
        assertProblem(forbidden, 403);
        assertThat(forbidden.body()).contains("belongs to another host");

        HOSTING.down = true;
        HttpResponse<String> unavailable = post("/api/sessions", OTHER_HOST, sessionBody(venue, upcomingFixture(), 4));
        assertProblem(unavailable, 503);
        assertThat(unavailable.body()).contains("Try again");
        assertThat(sessionsOf(intruder)).isZero();
    }

    @Test
    void publishingRunsComplianceOnTheDraftAndAnnouncesTheSessionOnce() throws Exception {
        UUID id = draft(6);

        HttpResponse<String> published = post("/api/sessions/" + id + "/publish", HOST, null);

        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(published.body()).contains("\"status\":\"PUBLISHED\"");
        assertThat(session(id).status()).isEqualTo(SessionStatus.PUBLISHED);
        assertThat(COMPLIANCE.statusesSeen).contains("DRAFT");
        SessionPublished event =
                SessionPublished.parseFrom(event(id, "SessionPublished").value());
        assertThat(event.getHostId()).isEqualTo(HOST);
        assertThat(event.getCapacity()).isEqualTo(6);
        assertThat(event.getPricePerSeat().getAmount()).isEqualTo("25.00");
        assertThat(event.hasKickoff()).isTrue();

        assertThat(post("/api/sessions/" + id + "/publish", HOST, null).body()).contains("\"status\":\"PUBLISHED\"");
        // a later event of the same session: everything before it has arrived
        assertThat(post("/api/sessions/" + id + "/cancel", HOST, null).statusCode())
                .isEqualTo(200);
        event(id, "SessionCancelled");
        assertThat(eventsOf(id, "SessionPublished")).isEqualTo(1);
        assertThat(get("/api/sessions?status=PUBLISHED&size=100", null).body()).doesNotContain(id.toString());
    }

    @Test
    void aRuleThatForbidsTheSessionKeepsItADraftWithTheFindings() throws Exception {
        UUID id = draft(4);
        COMPLIANCE.refusals.put(
                id.toString(),
                Finding.newBuilder()
                        .setRuleId("uk-3pm-blackout@1")
                        .setReason("No live football on Saturday 14:45-17:15 in the UK.")
                        .build());

        HttpResponse<String> refused = post("/api/sessions/" + id + "/publish", HOST, null);

        assertProblem(refused, 409);
        assertThat(refused.body())
                .contains("\"findings\":[{\"ruleId\":\"uk-3pm-blackout@1\"")
                .contains("\"reason\":\"No live football on Saturday 14:45-17:15 in the UK.\"");
        assertThat(session(id).status()).isEqualTo(SessionStatus.DRAFT);
    }

    @Test
    void complianceDownLeavesTheDraftAndSaysToRetry() throws Exception {
        UUID id = draft(4);
        COMPLIANCE.down = true;

        HttpResponse<String> unavailable = post("/api/sessions/" + id + "/publish", HOST, null);

        assertProblem(unavailable, 503);
        assertThat(unavailable.body()).contains("again");
        assertThat(session(id).status()).isEqualTo(SessionStatus.DRAFT);
        COMPLIANCE.down = false;
        assertThat(post("/api/sessions/" + id + "/publish", HOST, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void onlyTheHostPublishesAndTheCatalogServesDrafts() throws Exception {
        UUID id = draft(4);

        assertProblem(post("/api/sessions/" + id + "/publish", OTHER_HOST, null), 404);
        assertProblem(post("/api/sessions/" + id + "/publish", null, null), 401);
        assertProblem(post("/api/sessions/" + UUID.randomUUID() + "/publish", HOST, null), 404);
        assertProblem(post("/api/sessions/not-a-uuid/publish", HOST, null), 400);

        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", grpc.getPort())
                .usePlaintext()
                .build();
        try {
            assertThat(SessionCatalogGrpc.newBlockingStub(channel)
                            .withDeadlineAfter(5, TimeUnit.SECONDS)
                            .getSession(GetSessionRequest.newBuilder()
                                    .setSessionId(id.toString())
                                    .build())
                            .getStatus())
                    .isEqualTo("DRAFT");
        } finally {
            channel.shutdownNow();
        }
        assertThat(post("/api/sessions/" + id + "/publish", HOST, null).statusCode())
                .isEqualTo(200);
        assertProblem(post("/api/sessions/" + id + "/publish", OTHER_HOST, null), 403);
    }

    @Test
    void cancellingReleasesHeldSeatsKeepsSoldOnesUntilBookingGivesThemBack() throws Exception {
        UUID id = published(6);
        UUID sold = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        hold(id, sold, 2);
        reply(sold, "SeatsHeld");
        confirm(id, sold);
        reply(sold, "SeatsConfirmed");
        hold(id, held, 3);
        reply(held, "SeatsHeld");
        assertThat(seats(id)).isEqualTo(new Seats(6, 1, 3, 2));

        HttpResponse<String> cancelled =
                post("/api/sessions/" + id + "/cancel", HOST, "{\"reason\":\"Flooded living room\"}");

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.body()).contains("\"status\":\"CANCELLED\"");
        assertThat(seats(id)).isEqualTo(new Seats(6, 4, 0, 2));
        SessionCancelled event =
                SessionCancelled.parseFrom(event(id, "SessionCancelled").value());
        assertThat(event.getCause()).isEqualTo(SessionCancellationCause.CANCELLED_BY_HOST);
        assertThat(event.getReason()).isEqualTo("Flooded living room");
        assertThat(event.getHostId()).isEqualTo(HOST);

        UUID late = UUID.randomUUID();
        hold(id, late, 1);
        assertThat(SeatsUnavailable.parseFrom(reply(late, "SeatsUnavailable").value())
                        .getReason())
                .contains("cancelled");
        confirm(id, held);
        reply(held, "SeatsConfirmationFailed");
        assertThat(seats(id)).isEqualTo(new Seats(6, 4, 0, 2));

        release(id, sold);
        release(id, sold);
        List<Integer> freed = replies
                .awaitCount(
                        record -> sold.toString().equals(record.key())
                                && "couchannel.inventory.v1.SeatsReleased"
                                        .equals(dev.couchannel.platform.testing.TopicProbe.header(record, "ce_type")),
                        2,
                        WAIT)
                .stream()
                .map(record -> parseReleased(record.value()).getSeats())
                .toList();
        assertThat(freed).containsExactly(2, 0);
        assertThat(seats(id)).isEqualTo(Seats.empty(6));

        HttpResponse<String> again = post("/api/sessions/" + id + "/cancel", HOST, null);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"status\":\"CANCELLED\"");
        assertThat(eventsOf(id, "SessionCancelled")).isEqualTo(1);
    }

    @Test
    void anAdminMayCancelAnySessionAnotherHostMayNot() throws Exception {
        UUID id = published(4);

        assertProblem(post("/api/sessions/" + id + "/cancel", OTHER_HOST, null), 403);
        assertProblem(post("/api/sessions/" + id + "/cancel", HOST, "{\"reason\":\"" + "x".repeat(501) + "\"}"), 400);
        assertThat(session(id).status()).isEqualTo(SessionStatus.PUBLISHED);

        HttpResponse<String> cancelled = post("/api/sessions/" + id + "/cancel", ADMIN, null);

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(SessionCancelled.parseFrom(event(id, "SessionCancelled").value())
                        .getCause())
                .isEqualTo(SessionCancellationCause.CANCELLED_BY_ADMIN);
        assertProblem(post("/api/sessions/" + id + "/publish", HOST, null), 409);
    }

    @Test
    void aPostponedFixtureCancelsItsSessionsWithoutPenaltyAndTakesNoNewOnes() throws Exception {
        UUID fixture = upcomingFixture();
        UUID venue = HOSTING.venueOf(HOST, 10);
        UUID first = UUID.fromString(match(
                ID, post("/api/sessions", HOST, sessionBody(venue, fixture, 4)).body()));
        UUID second = UUID.fromString(match(
                ID, post("/api/sessions", HOST, sessionBody(venue, fixture, 6)).body()));
        assertThat(post("/api/sessions/" + first + "/publish", HOST, null).statusCode())
                .isEqualTo(200);

        assertProblem(post("/api/admin/fixtures/" + fixture + "/postpone", HOST, null), 403);
        assertProblem(post("/api/admin/fixtures/" + UUID.randomUUID() + "/postpone", ADMIN, null), 404);
        assertThat(session(first).status()).isEqualTo(SessionStatus.PUBLISHED);

        HttpResponse<String> postponed =
                post("/api/admin/fixtures/" + fixture + "/postpone", ADMIN, "{\"reason\":\"Storm over the stadium\"}");

        assertThat(postponed.statusCode()).as(postponed.body()).isEqualTo(200);
        assertThat(postponed.body()).contains(first.toString()).contains(second.toString());
        assertThat(session(first).status()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(session(second).status()).isEqualTo(SessionStatus.CANCELLED);
        for (UUID id : List.of(first, second)) {
            assertThat(SessionCancelled.parseFrom(event(id, "SessionCancelled").value())
                            .getCause())
                    .isEqualTo(SessionCancellationCause.FIXTURE_POSTPONED);
        }
        assertThat(post("/api/admin/fixtures/" + fixture + "/postpone", ADMIN, null)
                        .body())
                .contains("\"sessionsCancelled\":[]");
        HttpResponse<String> late = post("/api/sessions", HOST, sessionBody(venue, fixture, 4));
        assertProblem(late, 400);
        assertThat(late.body()).contains("postponed");
    }

    private static SeatsReleased parseReleased(byte[] value) {
        try {
            return SeatsReleased.parseFrom(value);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
