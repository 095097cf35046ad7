package dev.couchannel.launcher;

import static dev.couchannel.launcher.StackClient.ID;
import static dev.couchannel.launcher.StackClient.STATUS;
import static dev.couchannel.launcher.StackClient.WAIT;
import static dev.couchannel.launcher.StackClient.demoId;
import static dev.couchannel.launcher.StackClient.match;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.couchannel.platform.testing.MovingClock;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The loop after the match, on the whole stack with one clock the test moves (issue 8): a guest books, the match
 * ends, the guest reviews, the rating reaches search, the dispute window passes, the host is paid out, and the ledger
 * still balances. Every service decides "the session has ended" and "the payout is due" by the same {@link
 * MovingClock}; nothing waits for days, nobody sleeps.
 */
class AfterTheMatchIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final MovingClock CLOCK = new MovingClock();
    static final String HOST = "host@example.com";
    static final String GUEST = "guest@example.com";

    static Stack stack;
    static StackClient client;

    @BeforeAll
    static void up() throws Exception {
        stack = Stack.start(StackConfig.forTests(null)
                .clock(CLOCK)
                // the pollers look often, so that what falls due is acted on within the test's patience
                .with("couchannel.payment.payouts.poll-interval", "250ms"));
        client = new StackClient(stack);
        assertThat(Launcher.awaitReady(stack.gateway().resolve("/readinessz"), WAIT))
                .isTrue();
    }

    @AfterAll
    static void down() {
        stack.close();
    }

    @Test
    void aBookingEndsInAReviewARatingInSearchAndAPayoutAndTheLedgerBalances() throws Exception {
        // the host publishes a session at the demo bar in Praga (commercial licence) for Legia - Lech
        String plan = """
                {"venueId": "%s", "fixtureId": "%s", "seats": 12,
                 "pricePerSeat": {"amount": "25.00", "currency": "PLN"}, "refundPolicy": "FLEXIBLE",
                 "description": "After the match"}
                """.formatted(demoId("venue:warsaw-praga-bar:0"), demoId("fixture:2"));
        HttpResponse<String> planned = client.post("/api/sessions", HOST, plan);
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        String sessionId = match(ID, planned.body());
        HttpResponse<String> published = client.post("/api/sessions/" + sessionId + "/publish", HOST, null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        JsonNode view = json(client.get("/api/sessions/" + sessionId, null));
        Instant kickoff = Instant.parse(view.path("fixture").path("kickoff").asString());
        String venueId = view.path("venueId").asString();

        // a guest books two seats
        HttpResponse<String> accepted = client.book(GUEST, sessionId, 2);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String bookingId = match(ID, accepted.body());
        assertThat(client.awaitDecision(GUEST, bookingId)).isEqualTo("CONFIRMED");
        String review = "{\"bookingId\":\"" + bookingId + "\",\"rating\":5,\"text\":\"Loud, warm, a great screen.\"}";
        // review has learnt of the booking: before the match ends it says so
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                        client.post("/api/reviews", GUEST, review).body())
                .contains("TOO_EARLY"));

        // the match ends (kickoff + 3 h)
        CLOCK.advanceTo(kickoff.plus(Duration.ofHours(3)).plusSeconds(60));

        HttpResponse<String> reviewed = client.post("/api/reviews", GUEST, review);
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(201);
        assertThat(client.post("/api/reviews", GUEST, review).statusCode())
                .as("a second review of the same booking")
                .isEqualTo(409);

        // the venue's rating reaches the search read model, carried by the session's document
        String search = "/api/search/sessions?size=50&from="
                + URLEncoder.encode(kickoff.minusSeconds(60).toString(), StandardCharsets.UTF_8) + "&to="
                + URLEncoder.encode(kickoff.plusSeconds(60).toString(), StandardCharsets.UTF_8);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode hit = item(json(client.get(search, null)), sessionId);
            assertThat(hit.path("venue").path("id").asString()).isEqualTo(venueId);
            assertThat(hit.path("rating").path("count").asInt()).isEqualTo(1);
            assertThat(hit.path("rating").path("average").asDouble()).isEqualTo(5.0);
        });

        // identity counts the rating into the host's reputation, and the session view shows it
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode reputation =
                    json(client.get("/api/sessions/" + sessionId, null)).path("hostReputation");
            assertThat(reputation.path("host").path("rating").path("count").asInt())
                    .isEqualTo(1);
            assertThat(reputation.path("host").path("rating").path("average").asDouble())
                    .isEqualTo(5.0);
        });

        // analytics saw it all from the events: the session's occupancy is 2 of 12 seats
        String days = "?from=" + kickoff.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1) + "&to="
                + kickoff.atZone(ZoneOffset.UTC).toLocalDate();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode analytics = json(client.get("/api/hosts/me/analytics" + days, HOST));
            JsonNode session = null;
            for (JsonNode candidate : analytics.path("sessions")) {
                if (sessionId.equals(candidate.path("sessionId").asString())) {
                    session = candidate;
                }
            }
            assertThat(session).as(analytics.toString()).isNotNull();
            assertThat(session.path("capacity").asInt()).isEqualTo(12);
            assertThat(session.path("sold").asInt()).isEqualTo(2);
        });

        // the host's money waits out the guests' dispute window
        JsonNode before = json(client.get("/api/hosts/me/payouts", HOST));
        assertThat(before.path("payouts")).isEmpty();
        JsonNode pln = balance(before, "PLN");
        BigDecimal share = new BigDecimal(pln.path("pending").path("amount").asString());
        assertThat(share).isPositive();
        assertThat(new BigDecimal(pln.path("due").path("amount").asString())).isZero();
        Instant payableAt = Instant.parse(pln.path("nextPayableAt").asString());
        assertThat(payableAt).isEqualTo(kickoff.plus(Duration.ofHours(3)).plus(Duration.ofHours(72)));

        CLOCK.advanceTo(payableAt.plusSeconds(60));

        JsonNode paid = await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> json(client.get("/api/hosts/me/payouts", HOST)),
                        payouts -> payouts.path("payouts").size() == 1
                                && "PAID"
                                        .equals(payouts.path("payouts")
                                                .get(0)
                                                .path("status")
                                                .asString()));
        JsonNode payout = paid.path("payouts").get(0);
        assertThat(new BigDecimal(payout.path("amount").path("amount").asString()))
                .isEqualByComparingTo(share);
        assertThat(payout.path("amount").path("currency").asString()).isEqualTo("PLN");
        // nothing is owed any more, either way
        assertThat(paid.path("balances")).isEmpty();

        // every currency's accounts sum to zero, and the host's payable matches the bookings (nothing left owed)
        JsonNode reconciliation = json(client.get("/api/admin/reconciliation", "admin@example.com"));
        assertThat(reconciliation.path("balanced").asBoolean())
                .as(reconciliation.toString())
                .isTrue();
        assertThat(reconciliation.path("mismatches")).isEmpty();
        List<String> hosts = new ArrayList<>();
        reconciliation
                .path("hosts")
                .forEach(host -> hosts.add(host.path("hostId").asString()));
        assertThat(hosts).contains(HOST);
        for (JsonNode host : reconciliation.path("hosts")) {
            if (HOST.equals(host.path("hostId").asString())) {
                assertThat(host.path("matches").asBoolean()).isTrue();
                assertThat(new BigDecimal(host.path("ledger").path("amount").asString()))
                        .isZero();
            }
        }
        // the booking itself is untouched by all of this
        assertThat(match(STATUS, client.get("/api/bookings/" + bookingId, GUEST).body()))
                .isEqualTo("CONFIRMED");
    }

    private static JsonNode item(JsonNode page, String sessionId) {
        for (JsonNode item : page.path("items")) {
            if (sessionId.equals(item.path("sessionId").asString())) {
                return item;
            }
        }
        throw new AssertionError("session " + sessionId + " is not in " + page);
    }

    private static JsonNode balance(JsonNode payouts, String currency) {
        for (JsonNode balance : payouts.path("balances")) {
            if (currency.equals(balance.path("due").path("currency").asString())) {
                return balance;
            }
        }
        throw new AssertionError("no " + currency + " balance in " + payouts);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
